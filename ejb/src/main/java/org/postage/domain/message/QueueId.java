package org.postage.domain.message;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The id an accepted message is known by: in the 250 reply, the Received header, the admin API and the logs.
 * 16 Crockford base32 characters: 48 bits of milliseconds (so ids sort by acceptance time) and 30 random bits.
 */
public record QueueId(String value) {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public QueueId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a queue id: " + value);
        }
    }

    public static QueueId next(long epochMillis) {
        long high = epochMillis & 0xFFFF_FFFF_FFFFL;
        long low = RANDOM.nextInt() & 0x3FFF_FFFFL;
        char[] out = new char[16];
        encode(high, out, 0, 10); // 10 characters carry 50 bits: the 48-bit time, zero-padded
        encode(low, out, 10, 6); // 6 characters carry 30 random bits
        return new QueueId(new String(out));
    }

    private static void encode(long bits, char[] out, int offset, int length) {
        for (int i = length - 1; i >= 0; i--) {
            out[offset + i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
