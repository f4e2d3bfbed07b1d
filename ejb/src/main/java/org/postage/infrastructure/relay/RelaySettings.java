package org.postage.infrastructure.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postage.application.support.HostName;

/** Where and how to reach the smarthost. */
@ApplicationScoped
public class RelaySettings {

    @Inject
    @ConfigProperty(name = "postage.relay.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "postage.relay.port", defaultValue = "25")
    int port;

    /** off, opportunistic (use STARTTLS when offered) or required. */
    @Inject
    @ConfigProperty(name = "postage.relay.starttls", defaultValue = "opportunistic")
    String startTls;

    /** Hosts whose certificate is trusted without validation ({@code *} for all); empty means validate. */
    @Inject
    @ConfigProperty(name = "postage.relay.tls-trust")
    Optional<String> tlsTrust;

    @Inject
    @ConfigProperty(name = "postage.relay.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "postage.relay.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "postage.relay.timeout-seconds", defaultValue = "60")
    int timeoutSeconds;

    @Inject
    HostName hostName;

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Optional<String> username() {
        return username.filter(u -> !u.isBlank());
    }

    public Optional<String> password() {
        return password;
    }

    public String describe() {
        return host + ":" + port;
    }

    Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.localhost", hostName.value());
        String millis = Integer.toString(timeoutSeconds * 1000);
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        // Deliver to the recipients the relay accepts even when it refuses others; each gets its own outcome.
        p.setProperty("mail.smtp.sendpartial", "true");
        p.setProperty("mail.smtp.quitwait", "false");
        switch (startTls) {
            case "required" -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
            }
            case "opportunistic" -> p.setProperty("mail.smtp.starttls.enable", "true");
            case "off" -> p.setProperty("mail.smtp.starttls.enable", "false");
            default -> throw new IllegalStateException(
                    "postage.relay.starttls must be off, opportunistic or required, not '" + startTls + "'");
        }
        tlsTrust.filter(t -> !t.isBlank()).ifPresent(t -> {
            p.setProperty("mail.smtp.ssl.trust", t);
            if (t.equals("*")) {
                // Trusting every certificate already gives up on identity; a name check would only refuse IP hosts.
                p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
            }
        });
        if (username().isPresent()) {
            p.setProperty("mail.smtp.auth", "true");
        }
        return p;
    }
}
