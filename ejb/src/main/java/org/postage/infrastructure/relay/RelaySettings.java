package org.postage.infrastructure.relay;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where and how to reach the smarthost, already checked (see {@code infrastructure.config.Settings}).
 *
 * @param tlsTrust hosts whose certificate is trusted without validation ({@code *} for all); empty means validate
 * @param timeout  connect, read and write timeout
 * @param heloName the name given in EHLO, Postage's host name
 */
public record RelaySettings(
        String host,
        int port,
        StartTls startTls,
        Optional<String> tlsTrust,
        Optional<String> username,
        Optional<String> password,
        Duration timeout,
        String heloName) {

    /** Whether to ask the smarthost for STARTTLS; the setting's values are these names in lower case. */
    public enum StartTls {
        OFF,
        OPPORTUNISTIC,
        REQUIRED
    }

    public RelaySettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startTls, "startTls");
        Objects.requireNonNull(heloName, "heloName");
        tlsTrust = tlsTrust.filter(t -> !t.isBlank());
        username = username.filter(u -> !u.isBlank());
    }

    public String describe() {
        return host + ":" + port;
    }

    Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.localhost", heloName);
        String millis = Long.toString(timeout.toMillis());
        p.setProperty("mail.smtp.connectiontimeout", millis);
        p.setProperty("mail.smtp.timeout", millis);
        p.setProperty("mail.smtp.writetimeout", millis);
        // Deliver to the recipients the relay accepts even when it refuses others; each gets its own outcome.
        p.setProperty("mail.smtp.sendpartial", "true");
        p.setProperty("mail.smtp.quitwait", "false");
        switch (startTls) {
            case REQUIRED -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
            }
            case OPPORTUNISTIC -> p.setProperty("mail.smtp.starttls.enable", "true");
            case OFF -> p.setProperty("mail.smtp.starttls.enable", "false");
        }
        tlsTrust.ifPresent(t -> {
            p.setProperty("mail.smtp.ssl.trust", t);
            if (t.equals("*")) {
                // Trusting every certificate already gives up on identity; a name check would only refuse IP hosts.
                p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
            }
        });
        if (username.isPresent()) {
            p.setProperty("mail.smtp.auth", "true");
        }
        return p;
    }

    /** Without the password: this string may reach a log. */
    @Override
    public String toString() {
        return "RelaySettings[" + describe() + ", starttls=" + startTls + ", tlsTrust=" + tlsTrust.orElse("(validate)")
                + ", username=" + username.orElse("(none)") + ", timeout=" + timeout + ", heloName=" + heloName + "]";
    }
}
