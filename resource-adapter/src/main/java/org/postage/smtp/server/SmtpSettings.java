package org.postage.smtp.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The operator's knobs for one SMTP listener, already validated. The implicit-TLS listener of the same activation
 * has the same ones on its own port.
 *
 * @param bindAddress    the local address to listen on (a literal or a resolvable name)
 * @param port           the TCP port; 0 picks a free one (tests)
 * @param hostName       the name the server gives in its greeting and EHLO reply
 * @param maxConnections concurrent sessions of this listener; subethasmtp answers 421 to any beyond
 * @param idleTimeout    how long a read may wait before the session ends with 421 4.4.2
 * @param maxRecipients  accepted RCPTs per message; the next one gets 452 4.5.3
 * @param maxMessageSize the largest message in octets, advertised as SIZE and enforced on DATA
 */
public record SmtpSettings(
        String bindAddress,
        int port,
        String hostName,
        int maxConnections,
        Duration idleTimeout,
        int maxRecipients,
        int maxMessageSize) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 2525;
    public static final int DEFAULT_MAX_CONNECTIONS = 500;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_MAX_RECIPIENTS = 100;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 25 * 1024 * 1024;

    public SmtpSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        requireThat(port >= 0 && port <= 65535, "port must be 0..65535, was " + port);
        requireThat(maxConnections > 0, "maxConnections must be positive, was " + maxConnections);
        requireThat(
                !idleTimeout.isNegative() && !idleTimeout.isZero() && idleTimeout.toMillis() <= Integer.MAX_VALUE,
                "idleTimeout must be positive, was " + idleTimeout);
        requireThat(maxRecipients > 0, "maxRecipients must be positive, was " + maxRecipients);
        requireThat(maxMessageSize > 0, "maxMessageSize must be positive, was " + maxMessageSize);
    }

    /** The same listener settings on another port: the implicit-TLS listener shares all but the port. */
    public SmtpSettings onPort(int otherPort) {
        return new SmtpSettings(
                bindAddress, otherPort, hostName, maxConnections, idleTimeout, maxRecipients, maxMessageSize);
    }

    private static void requireThat(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
