package org.postage.smtp.server;

import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The protocols and cipher suites both SMTP listeners offer, in the server's order of preference. The default is
 * Mozilla's "intermediate" profile (server-side TLS 5.7): TLS 1.3 and 1.2 only; for TLS 1.2 only AEAD suites with
 * forward secrecy (ECDHE or DHE key exchange, AES-GCM or ChaCha20-Poly1305), so no CBC and no static RSA.
 *
 * <p>Names are JSSE's (the IANA names, such as {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}), matched without regard
 * to case; a name this JVM does not know is refused, because JSSE would otherwise fail every handshake or silently
 * drop it.
 */
public record TlsPolicy(List<String> protocols, List<String> cipherSuites) {

    public static final List<String> INTERMEDIATE_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Mozilla's order: AES-128 before AES-256 before ChaCha20 in TLS 1.3; ECDSA before RSA, ECDHE before DHE. */
    public static final List<String> INTERMEDIATE_CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /** The JSSE system property that makes a server refuse a renegotiation the client starts (TLS 1.2 and older). */
    public static final String REJECT_CLIENT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    public TlsPolicy {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        if (protocols.isEmpty() || cipherSuites.isEmpty()) {
            throw new IllegalArgumentException("a TLS policy needs at least one protocol and one cipher suite");
        }
    }

    /** The intermediate profile, less any suite this JVM lacks (each JDK since 12 has them all). */
    public static TlsPolicy intermediate(SSLParameters supported) {
        Set<String> known = Set.of(supported.getCipherSuites());
        return new TlsPolicy(
                INTERMEDIATE_PROTOCOLS,
                INTERMEDIATE_CIPHER_SUITES.stream().filter(known::contains).toList());
    }

    /**
     * The operator's lists (separated by commas or blanks; null or blank for the default), checked against what this
     * JVM supports.
     *
     * @param supported     what the JVM's TLS implementation knows, {@code SSLContext.getSupportedSSLParameters()}
     * @param protocolsName how error messages name the protocols setting
     * @param suitesName    how error messages name the cipher-suites setting
     * @throws InvalidTlsPolicyException naming every unknown entry, and a protocol left without a suite it can use
     */
    public static TlsPolicy of(
            String protocols, String cipherSuites, SSLParameters supported, String protocolsName, String suitesName)
            throws InvalidTlsPolicyException {
        TlsPolicy defaults = intermediate(supported);
        List<String> problems = new ArrayList<>();
        List<String> chosenProtocols =
                canonical(protocols, supported.getProtocols(), protocolsName + " names an unknown protocol", problems);
        List<String> chosenSuites = canonical(
                cipherSuites, supported.getCipherSuites(), suitesName + " names an unknown cipher suite", problems);
        chosenProtocols = chosenProtocols.isEmpty() ? defaults.protocols() : chosenProtocols;
        chosenSuites = chosenSuites.isEmpty() ? defaults.cipherSuites() : chosenSuites;
        if (problems.isEmpty()) {
            for (String protocol : chosenProtocols) {
                if (protocol.equals("SSLv2Hello")) {
                    continue; // a hello format, not a protocol a suite belongs to
                }
                boolean tls13 = protocol.equals("TLSv1.3");
                if (chosenSuites.stream().noneMatch(suite -> isTls13Suite(suite) == tls13)) {
                    problems.add(suitesName + " has no cipher suite for " + protocol + " (named like "
                            + (tls13 ? "TLS_AES_128_GCM_SHA256" : "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256") + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTlsPolicyException(problems);
        }
        return new TlsPolicy(chosenProtocols, chosenSuites);
    }

    /** Applies the policy to a server-side socket before its handshake: these protocols and suites, in this order. */
    public void applyTo(SSLSocket socket) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(protocols.toArray(String[]::new));
        parameters.setCipherSuites(cipherSuites.toArray(String[]::new));
        parameters.setUseCipherSuitesOrder(true);
        socket.setSSLParameters(parameters);
    }

    /** The protocols of this policy that the JVM's {@code jdk.tls.disabledAlgorithms} turns off anyway. */
    public List<String> protocolsDisabledByTheJvm() {
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        if (disabled == null) {
            return List.of();
        }
        Set<String> entries = Arrays.stream(disabled.split(","))
                .map(entry -> entry.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return protocols.stream()
                .filter(p -> entries.contains(p.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** True when the JVM refuses client-initiated renegotiation, as Postage's server configuration has it. */
    public static boolean clientRenegotiationRefused() {
        return Boolean.parseBoolean(System.getProperty(REJECT_CLIENT_RENEGOTIATION));
    }

    /** A TLS 1.3 suite names no key exchange ({@code TLS_AES_128_GCM_SHA256}); the older ones all have "_WITH_". */
    static boolean isTls13Suite(String suite) {
        return !suite.contains("_WITH_") && !suite.endsWith("_SCSV");
    }

    /** The configured names as JSSE spells them, in order, without repeats; empty for "use the default". */
    private static List<String> canonical(
            String configured, String[] supported, String unknown, List<String> problems) {
        if (configured == null || configured.isBlank()) {
            return List.of();
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : SEPARATORS.split(configured.strip())) {
            Arrays.stream(supported)
                    .filter(candidate -> candidate.equalsIgnoreCase(name))
                    .findFirst()
                    .ifPresentOrElse(chosen::add, () -> problems.add(unknown + " '" + name + "'"));
        }
        return List.copyOf(chosen);
    }

    /** Why an operator's protocols or cipher suites cannot be used, every reason at once. */
    public static final class InvalidTlsPolicyException extends Exception {

        private static final long serialVersionUID = 1L;

        private final List<String> problems;

        InvalidTlsPolicyException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    @Override
    public String toString() {
        return "protocols " + String.join(",", protocols) + ", cipher suites " + String.join(",", cipherSuites);
    }
}
