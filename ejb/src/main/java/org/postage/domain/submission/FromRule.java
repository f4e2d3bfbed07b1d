package org.postage.domain.submission;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Optional;
import org.postage.domain.mail.EmailAddress;
import org.postage.domain.mail.HeaderField;
import org.postage.domain.mail.HeaderSection;

/**
 * The From header: exactly one field holding exactly one mailbox whose address is an {@link EmailAddress} (ASCII:
 * the SMTP service offers no SMTPUTF8). Whether that address is a verified sender of the account is the
 * application's check, not this one.
 */
final class FromRule {

    static final String HEADER = "From";

    private static final String FIX = "Send one From header with one address, e.g. From: Shop <orders@shop.example>";

    private FromRule() {}

    /** The From address, or null when From breaks the rule (then {@code violations} says why). */
    static EmailAddress read(HeaderSection headers, List<Violation> violations) {
        List<HeaderField> fields = headers.named(HEADER);
        if (fields.isEmpty()) {
            violations.add(new Violation("from.missing", "The message has no From header", FIX));
            return null;
        }
        if (fields.size() > 1) {
            violations.add(new Violation("from.multiple", "The message has " + fields.size() + " From headers", FIX));
            return null;
        }
        String value = fields.get(0).value().trim();
        if (value.isEmpty()) {
            violations.add(new Violation("from.missing", "The From header is empty", FIX));
            return null;
        }
        // Jakarta Mail reads the RFC 5322 syntax around the address (display name, comments, groups, lists);
        // the address itself is judged by EmailAddress, the one rule every sender is held to.
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(value, true);
        } catch (AddressException e) {
            violations.add(invalid(value, e.getMessage()));
            return null;
        }
        if (addresses.length > 1) {
            violations.add(new Violation(
                    "from.multiple",
                    "From " + ReplyText.quote(value) + " lists " + addresses.length + " addresses",
                    FIX));
            return null;
        }
        if (addresses.length == 0) {
            violations.add(invalid(value, "no address"));
            return null;
        }
        return checked(addresses[0], value, violations);
    }

    private static EmailAddress checked(InternetAddress address, String value, List<Violation> violations) {
        if (address.isGroup()) {
            violations.add(invalid(value, "a group, not a mailbox"));
            return null;
        }
        String addr = address.getAddress();
        Optional<EmailAddress> from = EmailAddress.parse(addr);
        if (from.isEmpty()) {
            violations.add(invalid(
                    value,
                    addr != null && !addr.chars().allMatch(c -> c < 128)
                            ? "non-ASCII address; SMTPUTF8 is not offered"
                            : "not a dot-atom local part at a multi-label domain"));
            return null;
        }
        return from.get();
    }

    private static Violation invalid(String value, String detail) {
        return new Violation(
                "from.invalid",
                "From " + ReplyText.quote(value) + " is not a valid address ("
                        + ReplyText.line(String.valueOf(detail), 60) + ")",
                FIX);
    }
}
