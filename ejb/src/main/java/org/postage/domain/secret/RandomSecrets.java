package org.postage.domain.secret;

import java.security.SecureRandom;

/** Random usernames and passwords from an alphabet without look-alike characters. */
public final class RandomSecrets {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecrets() {}

    /** 32 characters from a 56-letter alphabet: about 186 bits. */
    public static String password() {
        return random(32);
    }

    public static String username() {
        return "smtp-" + random(16).toLowerCase(java.util.Locale.ROOT);
    }

    static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
