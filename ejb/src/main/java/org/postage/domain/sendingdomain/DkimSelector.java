package org.postage.domain.sendingdomain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The name a DKIM key is published under, {@code <selector>._domainkey.<domain>}. Generated selectors read
 * {@code pst202611-k3x9}: Postage, the month the key was made, and four random characters, so a second rotation in
 * the same month never overwrites a key that mail still in flight was signed with.
 */
public record DkimSelector(String value) {

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    /** RFC 6376 3.1: one or more DNS labels; nothing that could end the tag or the header it sits in. */
    private static final Pattern FORMAT = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");

    private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public DkimSelector {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a DKIM selector (DNS labels: letters, digits, hyphens): " + value);
        }
    }

    public static DkimSelector next(Clock clock) {
        char[] suffix = new char[4];
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new DkimSelector("pst" + YearMonth.now(clock).format(YEAR_MONTH) + "-" + new String(suffix));
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= 253 && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
