package org.postage.domain.submission;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Content-IDs an HTML body refers to with {@code cid:} URLs (RFC 2392), in {@link #normalise} form. */
final class CidReferences {

    // Ends where an HTML attribute or a CSS url(...) would end the URL.
    private static final Pattern CID_URL = Pattern.compile("(?i)cid:([^\\s\"'<>()\\\\]+)");

    private CidReferences() {}

    static Set<String> in(String html) {
        Set<String> ids = new HashSet<>();
        Matcher m = CID_URL.matcher(html);
        while (m.find()) {
            ids.add(normalise(percentDecoded(m.group(1))));
        }
        return ids;
    }

    /** A Content-ID without its angle brackets, in lower case: clients match cid: URLs that loosely. */
    static String normalise(String contentId) {
        String id = contentId.trim();
        if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) {
            id = id.substring(1, id.length() - 1);
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /** RFC 2392 percent-encodes the Content-ID in the URL; '+' means '+' there, not a space. */
    private static String percentDecoded(String url) {
        try {
            return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return url;
        }
    }
}
