package org.postage.smtp.ra.inflow;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.postage.api.SmtpDefaults;
import org.postage.smtp.server.SmtpSettings;
import org.postage.smtp.server.TlsPolicy;
import org.postage.smtp.server.TlsPolicy.InvalidTlsPolicyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of the SMTP listeners of one endpoint (the submission port and, if set, the implicit-TLS port), set by
 * the container from the MDB's activation config (in jboss-ejb3.xml, where {@code ${env.X:default}} is expanded).
 * Every property is a String or an Integer and may be left unset to get its default. {@link #validate()} names the
 * property at fault, because an unconvertible value elsewhere is dropped silently.
 */
public class SmtpActivationSpec implements ActivationSpec, ResourceAdapterAssociation, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(SmtpActivationSpec.class);
    /** Larger messages do not fit one array, and no mail service accepts them. */
    static final int MAX_MESSAGE_SIZE_LIMIT = 1 << 30;

    static final int MIN_MESSAGE_SIZE = 1024;

    private transient ResourceAdapter resourceAdapter;

    private Integer port;
    private Integer implicitTlsPort;
    private String bindAddress;
    private String hostName;
    private Integer maxConnections;
    private Integer idleTimeoutSeconds;
    private Integer maxRecipients;
    private Integer maxMessageSize;
    private String keystorePath;
    private String keystorePassword;
    private String dataDirectory;
    private String tlsProtocols;
    private String tlsCipherSuites;

    @Override
    public void validate() throws InvalidPropertyException {
        List<String> problems = new ArrayList<>();
        int effectivePort = getPort();
        if (effectivePort < 0 || effectivePort > 65535) {
            problems.add("port must be 0..65535, was " + effectivePort);
        }
        int tlsPort = getImplicitTlsPort();
        if (tlsPort < 0 || tlsPort > 65535) {
            problems.add("implicitTlsPort (POSTAGE_SMTPS_PORT) must be 1..65535, or 0 for none, was " + tlsPort);
        } else if (tlsPort != 0 && tlsPort == effectivePort) {
            problems.add("implicitTlsPort (POSTAGE_SMTPS_PORT) must differ from port (POSTAGE_SMTP_PORT), both are "
                    + tlsPort);
        }
        try {
            InetAddress.getByName(getBindAddress());
        } catch (UnknownHostException e) {
            problems.add("bindAddress '" + getBindAddress() + "' cannot be resolved");
        }
        requirePositive(problems, "maxConnections", getMaxConnections());
        requirePositive(problems, "idleTimeoutSeconds", getIdleTimeoutSeconds());
        requirePositive(problems, "maxRecipients", getMaxRecipients());
        if (getMaxMessageSize() < MIN_MESSAGE_SIZE || getMaxMessageSize() > MAX_MESSAGE_SIZE_LIMIT) {
            problems.add("maxMessageSize must be " + MIN_MESSAGE_SIZE + ".." + MAX_MESSAGE_SIZE_LIMIT + " bytes, was "
                    + getMaxMessageSize());
        }
        if (isBlank(getHostName())) {
            problems.add("hostName must not be empty");
        }
        validateTls(problems);
        try {
            toTlsPolicy();
        } catch (InvalidTlsPolicyException e) {
            problems.addAll(e.problems());
        } catch (NoSuchAlgorithmException e) {
            problems.add("this JVM offers no TLS: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            String message = "Invalid SMTP activation settings: " + String.join("; ", problems);
            // WildFly reports the exception deep inside a deployment failure: say it once on a line of its own.
            log.error(message);
            throw new InvalidPropertyException(message);
        }
    }

    /**
     * The protocols and cipher suites of both listeners: the operator's, checked against what this JVM supports, or
     * Mozilla's intermediate profile where none are set.
     */
    public TlsPolicy toTlsPolicy() throws InvalidTlsPolicyException, NoSuchAlgorithmException {
        return TlsPolicy.of(
                tlsProtocols,
                tlsCipherSuites,
                SSLContext.getDefault().getSupportedSSLParameters(),
                "tlsProtocols (POSTAGE_SMTP_TLS_PROTOCOLS)",
                "tlsCipherSuites (POSTAGE_SMTP_TLS_CIPHER_SUITES)");
    }

    private void validateTls(List<String> problems) {
        if (usesGeneratedKey()) {
            if (isBlank(dataDirectory)) {
                problems.add(
                        "dataDirectory is required when keystorePath is empty (the generated TLS key is kept there)");
            }
            return;
        }
        if (!Files.isReadable(Path.of(keystorePath))) {
            problems.add("keystorePath '" + keystorePath + "' is not a readable file");
        }
        if (keystorePassword == null) {
            problems.add("keystorePassword is required with keystorePath");
        }
    }

    private static void requirePositive(List<String> problems, String property, int value) {
        if (value <= 0) {
            problems.add(property + " must be positive, was " + value);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The validated settings as the protocol layer takes them. */
    public SmtpSettings toSettings() {
        return new SmtpSettings(
                getBindAddress(),
                getPort(),
                getHostName(),
                getMaxConnections(),
                Duration.ofSeconds(getIdleTimeoutSeconds()),
                getMaxRecipients(),
                getMaxMessageSize());
    }

    /** True when no keystore is configured and a self-signed key is generated into the data directory. */
    public boolean usesGeneratedKey() {
        return isBlank(keystorePath);
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    public Integer getPort() {
        return port != null ? port : SmtpSettings.DEFAULT_PORT;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    /** The implicit-TLS port (RFC 8314, 465 in production); 0, the default, for no such listener. */
    public Integer getImplicitTlsPort() {
        return implicitTlsPort != null ? implicitTlsPort : 0;
    }

    public void setImplicitTlsPort(Integer implicitTlsPort) {
        this.implicitTlsPort = implicitTlsPort;
    }

    public String getBindAddress() {
        return isBlank(bindAddress) ? SmtpSettings.DEFAULT_BIND_ADDRESS : bindAddress.strip();
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    /** Defaults to {@link SmtpDefaults#HOST_NAME}, as the application's host name does: both are one setting. */
    public String getHostName() {
        return hostName == null ? SmtpDefaults.HOST_NAME : hostName.strip();
    }

    public void setHostName(String hostName) {
        this.hostName = isBlank(hostName) ? null : hostName;
    }

    public Integer getMaxConnections() {
        return maxConnections != null ? maxConnections : SmtpSettings.DEFAULT_MAX_CONNECTIONS;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getIdleTimeoutSeconds() {
        return idleTimeoutSeconds != null ? idleTimeoutSeconds : SmtpSettings.DEFAULT_IDLE_TIMEOUT_SECONDS;
    }

    public void setIdleTimeoutSeconds(Integer idleTimeoutSeconds) {
        this.idleTimeoutSeconds = idleTimeoutSeconds;
    }

    public Integer getMaxRecipients() {
        return maxRecipients != null ? maxRecipients : SmtpSettings.DEFAULT_MAX_RECIPIENTS;
    }

    public void setMaxRecipients(Integer maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    /** In bytes; advertised as SIZE. */
    public Integer getMaxMessageSize() {
        return maxMessageSize != null ? maxMessageSize : SmtpSettings.DEFAULT_MAX_MESSAGE_SIZE;
    }

    public void setMaxMessageSize(Integer maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** A PKCS12 or JKS keystore with the server key; empty to generate a self-signed one. */
    public String getKeystorePath() {
        return keystorePath;
    }

    public void setKeystorePath(String keystorePath) {
        this.keystorePath = keystorePath;
    }

    public String getKeystorePassword() {
        return keystorePassword;
    }

    public void setKeystorePassword(String keystorePassword) {
        this.keystorePassword = keystorePassword;
    }

    /** Where the generated TLS key is kept between starts. */
    public String getDataDirectory() {
        return dataDirectory;
    }

    public void setDataDirectory(String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** JSSE protocol names for both listeners, separated by commas; empty for TLSv1.3 and TLSv1.2. */
    public String getTlsProtocols() {
        return tlsProtocols;
    }

    public void setTlsProtocols(String tlsProtocols) {
        this.tlsProtocols = tlsProtocols;
    }

    /** JSSE cipher suite names in the server's order of preference, separated by commas; empty for the default. */
    public String getTlsCipherSuites() {
        return tlsCipherSuites;
    }

    public void setTlsCipherSuites(String tlsCipherSuites) {
        this.tlsCipherSuites = tlsCipherSuites;
    }

    /** The keystore password is left out: this string goes to logs. */
    @Override
    public String toString() {
        return "bindAddress=" + getBindAddress() + " port=" + getPort() + " implicitTlsPort=" + getImplicitTlsPort()
                + " hostName=" + getHostName()
                + " maxConnections=" + getMaxConnections() + " idleTimeoutSeconds=" + getIdleTimeoutSeconds()
                + " maxRecipients=" + getMaxRecipients() + " maxMessageSize=" + getMaxMessageSize()
                + (usesGeneratedKey() ? " tls=generated in " + dataDirectory : " tls=" + keystorePath)
                + " tlsProtocols=" + describe(tlsProtocols) + " tlsCipherSuites=" + describe(tlsCipherSuites);
    }

    private static String describe(String list) {
        return isBlank(list) ? "(default)" : list.strip();
    }
}
