package org.postage.domain.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address as the application stores and compares it: a dot-atom local part (RFC 5322 3.4.1; quoted local parts
 * are not taken) of at most 64 octets, {@code @}, a host name of at least two labels (RFC 1035), at most 254 octets
 * in all (RFC 5321 4.5.3.1). What a sender, an allowed sender and a From address must be. The envelope keeps the
 * resource adapter's wider RFC 5321 path syntax; an envelope address outside this rule cannot be a sender.
 *
 * <p>The whole address is kept in lower case, local part included: RFC 5321 lets a local part be case-sensitive,
 * but no mailbox provider a sender would use treats it so, and one sender must not be verified twice by case.
 *
 * @param localPart in lower case
 * @param domain    in lower case, in ASCII (an IDN in its xn-- form)
 */
public record EmailAddress(String localPart, String domain) {

    /** RFC 5321 4.5.3.1: 64 octets of local part, 254 in all. */
    public static final int MAX_LENGTH = 254;

    public static final int MAX_LOCAL_PART = 64;

    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    /** RFC 1035 host name rules, at least two labels: what a From domain and a DKIM d= can hold. */
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** @throws IllegalArgumentException when the parts do not make an address of this rule */
    public EmailAddress {
        if (!isValid(localPart, domain)) {
            throw new IllegalArgumentException("not an email address: " + localPart + "@" + domain);
        }
        localPart = localPart.toLowerCase(Locale.ROOT);
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /**
     * @param address {@code local@domain}, surrounding whitespace ignored; may be null
     * @return empty when it is not an address of this rule
     */
    public static Optional<EmailAddress> parse(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip();
        int at = a.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String localPart = a.substring(0, at);
        String domain = a.substring(at + 1);
        return isValid(localPart, domain) ? Optional.of(new EmailAddress(localPart, domain)) : Optional.empty();
    }

    /** @throws IllegalArgumentException when {@code address} is not an address of this rule */
    public static EmailAddress of(String address) {
        return parse(address).orElseThrow(() -> new IllegalArgumentException("not an email address: " + address));
    }

    public static boolean isValid(String address) {
        return parse(address).isPresent();
    }

    /** Whether {@code name} as it is (no whitespace around it; any case) is a host name of at least two labels. */
    public static boolean isValidDomain(String name) {
        return name != null && DOMAIN.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    private static boolean isValid(String localPart, String domain) {
        return localPart != null
                && domain != null
                && localPart.length() <= MAX_LOCAL_PART
                && localPart.length() + 1 + domain.length() <= MAX_LENGTH
                && LOCAL_PART.matcher(localPart).matches()
                && isValidDomain(domain);
    }

    /** {@code local@domain}, the form the database keeps. */
    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
