package org.postage.domain.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When two envelope addresses name the same recipient: compared as a whole in lower case, the form
 * {@link EmailAddress} keeps, the rate limiter counts under and one copy is delivered to. Envelope addresses keep
 * the resource adapter's wider RFC 5321 syntax, so this works on any path it let through.
 */
public final class EnvelopeAddresses {

    private EnvelopeAddresses() {}

    /** The form under which {@code address} is compared and counted. */
    public static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    /** The addresses without repeats under {@link #key}, each kept in its first spelling, in their order. */
    public static List<String> distinct(List<String> addresses) {
        Set<String> seen = new HashSet<>();
        List<String> distinct = new ArrayList<>(addresses.size());
        for (String address : addresses) {
            if (seen.add(key(address))) {
                distinct.add(address);
            }
        }
        return distinct;
    }
}
