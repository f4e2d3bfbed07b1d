package org.postage.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postage.application.submission.DiskReserve;
import org.postage.domain.message.RetryPolicy;
import org.postage.domain.ratelimit.RateLimits;
import org.postage.domain.sendingdomain.dns.DnsRequirements;
import org.postage.infrastructure.relay.RelaySettings;

/** Reading and checking every setting, against values in a map instead of MicroProfile Config. */
class SettingsTest {

    private final Map<String, String> config = new HashMap<>();
    private final Map<String, String> systemProperties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    @Test
    void unsetSettingsTakeTheDefaultsTheReadmeLists() {
        Settings s = read();

        assertEquals("localhost", s.hostName().value());
        RelaySettings relay = s.relay();
        assertEquals("127.0.0.1:25", relay.describe());
        assertEquals(RelaySettings.StartTls.OPPORTUNISTIC, relay.startTls());
        assertEquals(Optional.empty(), relay.tlsTrust());
        assertEquals(Optional.empty(), relay.username());
        assertEquals(Optional.empty(), relay.password());
        assertEquals(Duration.ofSeconds(60), relay.timeout());
        assertEquals("localhost", relay.heloName());
        assertEquals(
                new RetryPolicy(Duration.ofSeconds(60), 2, Duration.ofSeconds(3600), Duration.ofSeconds(432_000)),
                s.retryPolicy());
        assertEquals(20, s.maxMetadataKeys());
        assertEquals(Optional.empty(), s.dnsResolver());
        assertEquals(Duration.ofMillis(2000), s.dnsTimeout());
        assertEquals(
                new DnsRequirements("include:spf.postage.test", "pm-bounces", "bounces.postage.test"),
                s.dnsRequirements());
        assertEquals(new RateLimits(10, 100), s.defaultRateLimits());
        assertFalse(s.messageIds().keepClientMessageId());
        assertEquals("http://localhost:8080", s.verificationLinks().publicUrl());
        assertEquals(Duration.ofHours(24), s.verificationLinks().validity());
        assertEquals(Optional.empty(), s.adminPassword().value());
        assertEquals(10, s.adminLoginFailuresPerMinute());
        assertEquals("http://localhost:8080", s.publicUrl().origin());
        assertEquals(DiskReserve.ofMebibytes(512), s.diskReserve());
    }

    @Test
    void setValuesArriveTyped() {
        config.put("postage.relay.host", "smtp.provider.example");
        config.put("postage.relay.port", "587");
        config.put("postage.relay.starttls", "required");
        config.put("postage.relay.username", "user");
        config.put("postage.relay.password", " secret with spaces ");
        config.put("postage.retry.factor", "1.5");
        config.put("postage.dns.resolver", "127.0.0.1:5353");
        config.put("postage.keep-message-id", "true");
        config.put("postage.rate.per-recipient-per-minute", "0");
        config.put("postage.disk.reserve-mb", "64");

        Settings s = read();

        assertEquals("smtp.provider.example:587", s.relay().describe());
        assertEquals(RelaySettings.StartTls.REQUIRED, s.relay().startTls());
        assertEquals(Optional.of("user"), s.relay().username());
        assertEquals(Optional.of(" secret with spaces "), s.relay().password(), "a password is kept as it is");
        assertEquals(1.5, s.retryPolicy().factor());
        assertEquals(Optional.of("127.0.0.1:5353"), s.dnsResolver());
        assertTrue(s.messageIds().keepClientMessageId());
        assertEquals(new RateLimits(0, 100), s.defaultRateLimits());
        assertEquals(new DiskReserve(64L * 1024 * 1024), s.diskReserve());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "postage.relay.starttls | bogus | POSTAGE_RELAY_STARTTLS | off, opportunistic or required",
                "postage.relay.starttls | Required | POSTAGE_RELAY_STARTTLS | off, opportunistic or required",
                "postage.relay.port | -25 | POSTAGE_RELAY_PORT | a whole number from 1 to 65535",
                "postage.relay.port | 65536 | POSTAGE_RELAY_PORT | a whole number from 1 to 65535",
                "postage.relay.port | smtp | POSTAGE_RELAY_PORT | a whole number from 1 to 65535",
                "postage.relay.timeout-seconds | 0 | POSTAGE_RELAY_TIMEOUT_SECONDS | a whole number from 1 to 86400",
                "postage.retry.first-delay-seconds | -60 | POSTAGE_RETRY_FIRST_DELAY_SECONDS "
                        + "| a whole number from 1 to 31536000",
                "postage.retry.factor | 0.5 | POSTAGE_RETRY_FACTOR | a number of at least 1, such as 2 or 1.5",
                "postage.retry.factor | NaN | POSTAGE_RETRY_FACTOR | a number of at least 1, such as 2 or 1.5",
                "postage.retry.max-age-seconds | -1 |"
                        + " POSTAGE_RETRY_MAX_AGE_SECONDS | a whole number from 0 to 31536000",
                "postage.submission.max-metadata-keys | -1 |"
                        + " POSTAGE_SUBMISSION_MAX_METADATA_KEYS | a whole number, 0 or more",
                "postage.dns.timeout-ms | 0 | POSTAGE_DNS_TIMEOUT_MS | a whole number from 1 to 60000",
                "postage.dns.resolver | 127.0.0.1:99999 | POSTAGE_DNS_RESOLVER "
                        + "| host, host:port or [v6]:port of a DNS resolver (a host name must resolve), "
                        + "or empty for the system's",
                "postage.dns.spf-include | include spf.example.com |"
                        + " POSTAGE_DNS_SPF_INCLUDE | an SPF mechanism such as "
                        + "include:spf.example.com or ip4:203.0.113.7",
                "postage.dns.return-path-label | pm.bounces |"
                        + " POSTAGE_DNS_RETURN_PATH_LABEL | one DNS label such as pm-bounces",
                "postage.dns.bounce-host | bounces | POSTAGE_DNS_BOUNCE_HOST | a host name such as bounces.example.com",
                "postage.rate.per-recipient-per-minute | -1 | POSTAGE_RATE_PER_RECIPIENT_PER_MINUTE "
                        + "| a whole number, 0 or more",
                "postage.rate.per-recipient-per-hour | many |"
                        + " POSTAGE_RATE_PER_RECIPIENT_PER_HOUR | a whole number, 0 or more",
                "postage.keep-message-id | maybe | POSTAGE_KEEP_MESSAGE_ID | true or false",
                "postage.public-url | localhost:8080 | POSTAGE_PUBLIC_URL "
                        + "| an http or https URL such as https://postage.example.com",
                "postage.sender-verification-hours | 0 |"
                        + " POSTAGE_SENDER_VERIFICATION_HOURS | a whole number from 1 to 8760",
                "postage.hostname | mail example | POSTAGE_HOSTNAME | a host name such as mail.example.com",
                "postage.admin.login-failures-per-minute | 0 | POSTAGE_ADMIN_LOGIN_FAILURES_PER_MINUTE "
                        + "| a whole number from 1 to 1000000",
                "postage.disk.reserve-mb | 63 | POSTAGE_DISK_RESERVE_MB | a whole number from 64 to 1048576",
            })
    void aBadValueIsNamedWithItsVariableItsValueAndWhatIsAllowed(
            String property, String value, String variable, String allowed) {
        config.put(property, value);

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, this::read);

        String problem = variable + " (" + property + ") is '" + value + "' but must be " + allowed;
        assertEquals(List.of(problem), e.problems());
        assertEquals("Invalid setting: " + problem, e.getMessage());
    }

    @Test
    void aMaximumRetryDelayBelowTheFirstNamesBoth() {
        config.put("postage.retry.first-delay-seconds", "7200");

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, this::read);

        assertEquals(
                List.of("POSTAGE_RETRY_MAX_DELAY_SECONDS (postage.retry.max-delay-seconds) is '3600' "
                        + "(the default) but must be at least POSTAGE_RETRY_FIRST_DELAY_SECONDS (7200)"),
                e.problems());
    }

    @Test
    void blankOptionalValuesMeanTheDefault() {
        config.put("postage.relay.host", "");
        config.put("postage.dns.resolver", "  ");
        config.put("postage.relay.tls-trust", "");
        config.put("postage.relay.username", " ");
        config.put("postage.relay.port", " ");
        config.put("postage.admin.password", "");
        environment.put("POSTAGE_HOSTNAME", "");

        Settings s = read();

        assertEquals("127.0.0.1:25", s.relay().describe());
        assertEquals(Optional.empty(), s.dnsResolver());
        assertEquals(Optional.empty(), s.relay().tlsTrust());
        assertEquals(Optional.empty(), s.relay().username());
        assertEquals(Optional.empty(), s.adminPassword().value());
        assertEquals("localhost", s.hostName().value(), "empty POSTAGE_HOSTNAME: the default, as for the greeting");
    }

    @Test
    void everyBadValueIsInTheOneLineMessage() {
        config.put("postage.relay.starttls", "bogus");
        config.put("postage.relay.port", "0");
        config.put("postage.keep-message-id", "line one\nline two");

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, this::read);

        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid settings: POSTAGE_RELAY_PORT"), e.getMessage());
        assertTrue(e.getMessage().contains("is 'line one?line two'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one log line");
    }

    @Test
    void theHostNameTheGreetingGetsIsTheOneTheApplicationUses() {
        environment.put("POSTAGE_HOSTNAME", "mx.env.example");
        assertEquals("mx.env.example", read().hostName().value());
        assertEquals("mx.env.example", Settings.listenerHostName(systemProperties::get, environment::get));

        // A system property wins over the environment, for MicroProfile Config and for WildFly's expansion alike.
        systemProperties.put("postage.hostname", "mx.property.example");
        assertEquals("mx.property.example", read().hostName().value());
        assertEquals("mx.property.example", Settings.listenerHostName(systemProperties::get, environment::get));
    }

    @Test
    void aHostNameFromASourceTheGreetingDoesNotReadFailsTheDeployment() {
        config.put("postage.hostname", "mx.example.com"); // say from microprofile-config.properties

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, this::read);

        assertEquals(
                List.of("postage.hostname is 'mx.example.com' in MicroProfile Config but 'localhost' for the SMTP "
                        + "greeting, which reads only the system property"
                        + " postage.hostname and the environment variable "
                        + "POSTAGE_HOSTNAME: set it there"),
                e.problems());
    }

    @Test
    void theSmtpListenerIsHandedTheHostNameTheWaySettingsExpectsIt() throws IOException {
        String descriptor;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/jboss-ejb3.xml")) {
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("<activation-config-property-name>hostName</activation-config-property-name>\\s*"
                        + "<activation-config-property-value>([^<]*)</activation-config-property-value>")
                .matcher(descriptor);
        assertTrue(m.find(), "jboss-ejb3.xml passes hostName to the SMTP adapter");
        String variable = SettingValues.variable(Settings.HOSTNAME);
        assertEquals("${" + Settings.HOSTNAME + ":${env." + variable + ":}}", m.group(1));
    }

    @Test
    void variablesAreThePropertiesInUpperCaseWithUnderscores() {
        assertEquals("POSTAGE_RELAY_TLS_TRUST", SettingValues.variable("postage.relay.tls-trust"));
        assertEquals(
                "POSTAGE_RATE_PER_RECIPIENT_PER_MINUTE",
                SettingValues.variable("postage.rate.per-recipient-per-minute"));
    }

    /** As MicroProfile Config reads: system properties, then the environment, then the lower sources (the map). */
    private Settings read() {
        return Settings.read(
                name -> Optional.ofNullable(systemProperties.get(name))
                        .or(() -> Optional.ofNullable(environment.get(SettingValues.variable(name))))
                        .or(() -> Optional.ofNullable(config.get(name))),
                systemProperties::get,
                environment::get);
    }
}
