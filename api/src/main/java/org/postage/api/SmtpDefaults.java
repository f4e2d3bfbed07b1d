package org.postage.api;

/**
 * Defaults the resource adapter and the application must agree on. The host name is one setting
 * ({@code POSTAGE_HOSTNAME}, {@code postage.hostname}) that both read, the adapter for its greeting and EHLO reply,
 * the application for Received headers, Message-IDs and EHLO towards the relay; left unset, both fall back to this.
 */
public final class SmtpDefaults {

    /** The name Postage goes by when none is configured. */
    public static final String HOST_NAME = "localhost";

    private SmtpDefaults() {}
}
