package org.postage.smtp.ra.inflow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.InvalidPropertyException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postage.api.SmtpDefaults;
import org.postage.smtp.server.SmtpSettings;
import org.postage.smtp.server.TlsPolicy;

class SmtpActivationSpecTest {

    private final SmtpActivationSpec spec = new SmtpActivationSpec();

    @Test
    void unsetPropertiesTakeTheDocumentedDefaults() {
        spec.setDataDirectory("/var/lib/postage");
        SmtpSettings settings = spec.toSettings();

        assertDoesNotThrow(spec::validate);
        assertEquals(2525, settings.port());
        assertEquals("127.0.0.1", settings.bindAddress());
        assertEquals(500, settings.maxConnections());
        assertEquals(Duration.ofSeconds(300), settings.idleTimeout());
        assertEquals(100, settings.maxRecipients());
        assertEquals(26_214_400, settings.maxMessageSize());
        assertTrue(!settings.hostName().isBlank());
        assertEquals(0, spec.getImplicitTlsPort(), "no implicit-TLS listener unless one is configured");
    }

    @Test
    void unsetTlsSettingsAreMozillasIntermediateProfile() throws Exception {
        spec.setTlsProtocols(""); // ${env.POSTAGE_SMTP_TLS_PROTOCOLS:} when unset
        TlsPolicy policy = spec.toTlsPolicy();

        assertEquals(TlsPolicy.INTERMEDIATE_PROTOCOLS, policy.protocols());
        assertEquals(TlsPolicy.INTERMEDIATE_CIPHER_SUITES, policy.cipherSuites());
    }

    @Test
    void anUnknownTlsProtocolOrCipherSuiteIsNamedWithItsEnvironmentVariable() {
        spec.setDataDirectory("/var/lib/postage");
        spec.setTlsProtocols("TLSv1.3, SSLv4");
        spec.setTlsCipherSuites("TLS_AES_256_GCM_SHA384 TLS_FAST_BUT_WRONG");

        String message = problem();
        assertTrue(
                message.contains("tlsProtocols (POSTAGE_SMTP_TLS_PROTOCOLS) names an unknown protocol 'SSLv4'"),
                message);
        assertTrue(
                message.contains("tlsCipherSuites (POSTAGE_SMTP_TLS_CIPHER_SUITES) names an unknown cipher suite "
                        + "'TLS_FAST_BUT_WRONG'"),
                message);
    }

    @Test
    void theImplicitTlsPortIsAPortOtherThanTheSubmissionPort() {
        spec.setDataDirectory("/var/lib/postage");
        spec.setImplicitTlsPort(70000);
        assertTrue(
                problem().contains("implicitTlsPort (POSTAGE_SMTPS_PORT) must be 1..65535, or 0 for none"), problem());

        spec.setImplicitTlsPort(2525);
        assertTrue(problem().contains("must differ from port (POSTAGE_SMTP_PORT), both are 2525"), problem());

        spec.setImplicitTlsPort(2465);
        assertDoesNotThrow(spec::validate);
    }

    @Test
    void anUnsetOrEmptyHostNameIsTheOneTheApplicationFallsBackTo() {
        assertEquals(SmtpDefaults.HOST_NAME, spec.getHostName());
        spec.setHostName(""); // ${postage.hostname:${env.POSTAGE_HOSTNAME:}} with neither set
        assertEquals(SmtpDefaults.HOST_NAME, spec.getHostName());
        spec.setHostName(" mx.example.com ");
        assertEquals("mx.example.com", spec.getHostName());
    }

    @Test
    void withoutAKeystoreADataDirectoryIsRequired() {
        assertTrue(problem().contains("dataDirectory is required when keystorePath is empty"), problem());
    }

    @Test
    void everyInvalidPropertyIsNamedInOneMessage() {
        spec.setDataDirectory("/var/lib/postage");
        spec.setPort(70000);
        spec.setMaxRecipients(0);
        spec.setMaxMessageSize(10);

        String message = problem();
        assertTrue(message.contains("port must be 0..65535, was 70000"), message);
        assertTrue(message.contains("maxRecipients must be positive, was 0"), message);
        assertTrue(message.contains("maxMessageSize must be 1024.."), message);
    }

    @Test
    void aKeystoreMustExistAndComeWithAPassword() {
        spec.setKeystorePath("/nonexistent/smtp.p12");

        String message = problem();
        assertTrue(message.contains("keystorePath '/nonexistent/smtp.p12' is not a readable file"), message);
        assertTrue(message.contains("keystorePassword is required"), message);
    }

    @Test
    void theKeystorePasswordNeverAppearsInItsDescription() {
        spec.setKeystorePath("/etc/postage/smtp.p12");
        spec.setKeystorePassword("s3cret");
        spec.setImplicitTlsPort(2465);

        assertTrue(!spec.toString().contains("s3cret"), spec.toString());
        assertTrue(spec.toString().contains("implicitTlsPort=2465"), spec.toString());
        assertTrue(spec.toString().contains("tlsProtocols=(default)"), spec.toString());
    }

    private String problem() {
        return assertThrows(InvalidPropertyException.class, spec::validate).getMessage();
    }
}
