package org.postage.application.support;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where people reach Postage's HTTP port ({@code postage.public-url}): the base of links in mail, and the one origin
 * besides a request's own host that the admin API takes requests from.
 */
public record PublicUrl(String value) {

    public PublicUrl {
        Objects.requireNonNull(value, "value");
        URI uri = URI.create(value);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + value);
        }
    }

    /**
     * Its origin as a browser's {@code Origin} header writes it (RFC 6454): scheme and host in lower case, the port
     * only when it is not the scheme's default.
     */
    public String origin() {
        URI uri = URI.create(value);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return value;
    }
}
