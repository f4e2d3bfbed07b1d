package org.postage.infrastructure.dns;

import java.net.InetSocketAddress;

/** Reads the configured resolver: {@code host}, {@code host:port}, an IPv6 address, or {@code [v6]:port}. */
public final class ResolverAddress {

    private static final int DNS_PORT = 53;

    private ResolverAddress() {}

    /** @throws IllegalArgumentException not one of those forms, or a host name that does not resolve */
    public static InetSocketAddress parse(String text) {
        InetSocketAddress address = parseUnchecked(text);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve the resolver's host name: " + text);
        }
        return address;
    }

    private static InetSocketAddress parseUnchecked(String text) {
        String s = text.trim();
        try {
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                String host = s.substring(1, close);
                String rest = s.substring(close + 1);
                return new InetSocketAddress(host, rest.isEmpty() ? DNS_PORT : port(rest.substring(1), text));
            }
            int colon = s.indexOf(':');
            if (colon < 0 || colon != s.lastIndexOf(':')) {
                // No colon, or several: a bare IPv6 address.
                return new InetSocketAddress(s, DNS_PORT);
            }
            return new InetSocketAddress(s.substring(0, colon), port(s.substring(colon + 1), text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a resolver address (host, host:port or [v6]:port): " + text, e);
        }
    }

    private static int port(String s, String text) {
        int port = Integer.parseInt(s);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range in " + text);
        }
        return port;
    }
}
