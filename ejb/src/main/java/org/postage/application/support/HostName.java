package org.postage.application.support;

import java.util.Objects;

/**
 * The name this Postage goes by in mail: the SMTP greeting, Received headers, Message-IDs, its own mail's From, EHLO
 * towards the relay. One setting, read and checked with the others; injected as this value.
 */
public record HostName(String value) {

    public HostName {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a host name cannot be empty");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
