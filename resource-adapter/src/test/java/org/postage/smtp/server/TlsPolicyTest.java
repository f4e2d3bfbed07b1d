package org.postage.smtp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.postage.smtp.server.TlsPolicy.InvalidTlsPolicyException;

class TlsPolicyTest {

    private final SSLParameters supported = supported();

    @Test
    void theDefaultIsMozillasIntermediateProfile() throws Exception {
        TlsPolicy policy = TlsPolicy.of(null, "", supported, "protocols", "suites");

        assertEquals(List.of("TLSv1.3", "TLSv1.2"), policy.protocols());
        assertEquals(TlsPolicy.INTERMEDIATE_CIPHER_SUITES, policy.cipherSuites(), "this JDK has every one");
        for (String suite : policy.cipherSuites()) {
            assertFalse(suite.contains("CBC"), suite);
            assertTrue(suite.contains("GCM") || suite.contains("CHACHA20_POLY1305"), "AEAD: " + suite);
            assertTrue(
                    TlsPolicy.isTls13Suite(suite) || suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_"),
                    "forward secrecy: " + suite);
        }
    }

    @Test
    void anOperatorsListsAreTakenInTheirOrderWithJssesSpellingAndWithoutRepeats() throws Exception {
        TlsPolicy policy = TlsPolicy.of(
                " tlsv1.2 ",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, tls_ecdhe_rsa_with_aes_128_gcm_sha256\n"
                        + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                supported,
                "protocols",
                "suites");

        assertEquals(List.of("TLSv1.2"), policy.protocols());
        assertEquals(
                List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                policy.cipherSuites());
    }

    @Test
    void everyUnknownNameIsReportedWithTheSettingItCameFrom() {
        InvalidTlsPolicyException e = assertThrows(
                InvalidTlsPolicyException.class,
                () -> TlsPolicy.of(
                        "TLSv1.3,TLSv1.4",
                        "TLS_AES_128_GCM_SHA256,ECDHE-RSA-AES128-GCM-SHA256",
                        supported,
                        "tlsProtocols (POSTAGE_SMTP_TLS_PROTOCOLS)",
                        "tlsCipherSuites (POSTAGE_SMTP_TLS_CIPHER_SUITES)"));

        assertEquals(
                List.of(
                        "tlsProtocols (POSTAGE_SMTP_TLS_PROTOCOLS) names an unknown protocol 'TLSv1.4'",
                        "tlsCipherSuites (POSTAGE_SMTP_TLS_CIPHER_SUITES) names an unknown cipher suite "
                                + "'ECDHE-RSA-AES128-GCM-SHA256'"),
                e.problems());
    }

    @Test
    void aProtocolWithoutASuiteItCanUseIsRefused() {
        InvalidTlsPolicyException e = assertThrows(
                InvalidTlsPolicyException.class,
                () -> TlsPolicy.of("TLSv1.3,TLSv1.2", "TLS_AES_128_GCM_SHA256", supported, "protocols", "suites"));

        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("suites has no cipher suite for TLSv1.2"), e.getMessage());
    }

    @Test
    void protocolsTheJvmDisablesAnywayAreFound() throws Exception {
        TlsPolicy policy = TlsPolicy.of("TLSv1.2,TLSv1.1", null, supported, "protocols", "suites");

        assertEquals(List.of("TLSv1.1"), policy.protocolsDisabledByTheJvm(), "JDK 17's java.security disables it");
        assertEquals(List.of(), TlsPolicy.of(null, null, supported, "p", "s").protocolsDisabledByTheJvm());
    }

    private static SSLParameters supported() {
        try {
            return SSLContext.getDefault().getSupportedSSLParameters();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
