package org.postage.infrastructure.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What each relay setting becomes for Angus Mail. */
class RelaySettingsTest {

    @Test
    void requiredStartTlsIsEnabledAndRequired() {
        Properties p =
                settings(RelaySettings.StartTls.REQUIRED, Optional.of("*")).sessionProperties();
        assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("*", p.getProperty("mail.smtp.ssl.trust"));
        assertEquals("false", p.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("true", p.getProperty("mail.smtp.auth"));
        assertEquals("mx.postage.example", p.getProperty("mail.smtp.localhost"), "EHLO names Postage's host name");
        assertEquals("30000", p.getProperty("mail.smtp.timeout"));
    }

    @Test
    void offDisablesStartTlsAndAnEmptyTrustValidates() {
        Properties p = settings(RelaySettings.StartTls.OFF, Optional.of(" ")).sessionProperties();
        assertEquals("false", p.getProperty("mail.smtp.starttls.enable"));
        assertNull(p.getProperty("mail.smtp.starttls.required"));
        assertNull(p.getProperty("mail.smtp.ssl.trust"));
    }

    @Test
    void thePasswordStaysOutOfTheDescription() {
        assertFalse(settings(RelaySettings.StartTls.OPPORTUNISTIC, Optional.empty())
                .toString()
                .contains("s3cret"));
    }

    private static RelaySettings settings(RelaySettings.StartTls startTls, Optional<String> trust) {
        return new RelaySettings(
                "relay.example",
                587,
                startTls,
                trust,
                Optional.of("user"),
                Optional.of("s3cret"),
                Duration.ofSeconds(30),
                "mx.postage.example");
    }
}
