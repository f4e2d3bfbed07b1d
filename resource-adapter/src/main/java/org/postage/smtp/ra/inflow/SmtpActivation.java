package org.postage.smtp.ra.inflow;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.postage.smtp.server.AuthFailureThrottle;
import org.postage.smtp.server.Causes;
import org.postage.smtp.server.ServerTls;
import org.postage.smtp.server.SmtpSettings;
import org.postage.smtp.server.SmtpThreadPool;
import org.postage.smtp.server.SubmissionServerFactory;
import org.postage.smtp.server.SubmissionServerFactory.TlsMode;
import org.postage.smtp.server.TlsContextFactory;
import org.postage.smtp.server.TlsPolicy;
import org.postage.smtp.server.TlsPolicy.InvalidTlsPolicyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP listeners of one message endpoint: the submission port (STARTTLS) and, unless its port is 0, the
 * implicit-TLS port (RFC 8314). Both deliver to the same endpoint and share the TLS key and policy and the failed-AUTH
 * throttle; each has its own subethasmtp server and bounded thread pool, built fresh on every start because a
 * stopped SMTPServer cannot be restarted (and stops its executor with it).
 */
public final class SmtpActivation {

    /** How long a stop lets running sessions finish before interrupting them. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SmtpActivation.class);

    private final SmtpActivationSpec spec;
    private final MessageEndpointFactory factory;
    private final BootstrapContext context;
    private final List<Listener> listeners = new ArrayList<>();

    private record Listener(TlsMode mode, SMTPServer server, SmtpThreadPool pool) {}

    public SmtpActivation(SmtpActivationSpec spec, MessageEndpointFactory factory, BootstrapContext context) {
        this.spec = spec;
        this.factory = factory;
        this.context = context;
    }

    /** Starts listening; a failure here fails the deployment, with one log line saying what to change. */
    public synchronized void start() throws ResourceException {
        TransactionSynchronizationRegistry transactions = context.getTransactionSynchronizationRegistry();
        if (transactions == null) {
            throw new ResourceException("The container provides no TransactionSynchronizationRegistry: "
                    + "the SMTP adapter could not tell a committed message from a lost one");
        }
        requireTransactedData();
        SmtpSettings settings = spec.toSettings();
        ServerTls tls = new ServerTls(tlsContext(settings), tlsPolicy());
        EndpointListenerInvoker invoker = new EndpointListenerInvoker(factory, transactions);
        AuthFailureThrottle throttle = AuthFailureThrottle.standard();
        try {
            listen(settings, TlsMode.STARTTLS, tls, invoker, throttle);
            if (spec.getImplicitTlsPort() != 0) {
                listen(settings.onPort(spec.getImplicitTlsPort()), TlsMode.IMPLICIT, tls, invoker, throttle);
            }
        } catch (ResourceException | RuntimeException e) {
            stop(); // a listener that did start must not outlive the failed activation
            throw e;
        }
        log.info(
                "SMTP submission listening on {}:{} (hostName={},"
                        + " maxConnections={}, idleTimeout={}s, maxRecipients={}, "
                        + "maxMessageSize={} bytes, TLS key {})",
                settings.bindAddress(),
                port(),
                settings.hostName(),
                settings.maxConnections(),
                settings.idleTimeout().toSeconds(),
                settings.maxRecipients(),
                settings.maxMessageSize(),
                spec.usesGeneratedKey() ? "generated in " + spec.getDataDirectory() : "from " + spec.getKeystorePath());
        if (implicitTlsPort() > 0) {
            log.info(
                    "SMTP submission with implicit TLS listening on {}:{} (the same settings)",
                    settings.bindAddress(),
                    implicitTlsPort());
        } else {
            log.info("SMTP submission with implicit TLS is off (POSTAGE_SMTPS_PORT is 0)");
        }
        logTlsPolicy(tls.policy());
    }

    private void listen(
            SmtpSettings settings,
            TlsMode mode,
            ServerTls tls,
            EndpointListenerInvoker invoker,
            AuthFailureThrottle throttle)
            throws ResourceException {
        ClassLoader adapterLoader = SmtpActivation.class.getClassLoader();
        SmtpThreadPool pool = SmtpThreadPool.create(settings.maxConnections(), adapterLoader, STOP_GRACE);
        SMTPServer server;
        try {
            server = SubmissionServerFactory.create(settings, mode, tls, invoker, pool, throttle);
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw new ResourceException("Cannot build the SMTP listener: " + Causes.describe(e), e);
        }
        startWithLoader(adapterLoader, server, pool, settings, mode);
        listeners.add(new Listener(mode, server, pool));
    }

    private static void logTlsPolicy(TlsPolicy policy) {
        log.info(
                "SMTP TLS on both ports: {} in the server's order; client-initiated renegotiation {}",
                policy,
                TlsPolicy.clientRenegotiationRefused() ? "refused" : "allowed");
        if (!TlsPolicy.clientRenegotiationRefused()) {
            log.warn(
                    "SMTP clients may renegotiate TLS 1.2 sessions at will, a cheap way to load the CPU: start the JVM"
                            + " with -D{}=true, as Postage's server configuration does",
                    TlsPolicy.REJECT_CLIENT_RENEGOTIATION);
        }
        List<String> disabled = policy.protocolsDisabledByTheJvm();
        if (!disabled.isEmpty()) {
            log.warn(
                    "SMTP TLS protocols {} are set (POSTAGE_SMTP_TLS_PROTOCOLS) but this JVM's security property"
                            + " jdk.tls.disabledAlgorithms turns them off: no client gets them",
                    disabled);
        }
    }

    /**
     * Without a transaction around data() no message could ever be confirmed: say so at deployment, not per message.
     */
    private void requireTransactedData() throws ResourceException {
        boolean transacted;
        try {
            transacted = factory.isDeliveryTransacted(EndpointListenerInvoker.DATA);
        } catch (NoSuchMethodException e) {
            throw new ResourceException("The endpoint does not implement SubmissionListener.data", e);
        }
        if (!transacted) {
            String message = "The SMTP endpoint's data() does not run in a container-managed transaction; "
                    + "declare the MDB with TransactionAttributeType.REQUIRED, or every message would be answered 451";
            log.error(message);
            throw new ResourceException(message);
        }
    }

    /** Stops listening, closes every session and waits a bounded time for their threads. */
    public synchronized void stop() {
        for (Listener listener : listeners) {
            try {
                listener.server().stop();
            } catch (RuntimeException e) {
                log.warn(
                        "Stopping the SMTP listener on port {} failed: {}",
                        listener.server().getPortAllocated(),
                        Causes.describe(e));
            } finally {
                listener.pool().shutdownNow();
            }
        }
        listeners.clear();
    }

    /** The submission port actually listened on (differs from the setting when that is 0); -1 when stopped. */
    public synchronized int port() {
        return portOf(TlsMode.STARTTLS);
    }

    /** The implicit-TLS port listened on; -1 when stopped or turned off. */
    public synchronized int implicitTlsPort() {
        return portOf(TlsMode.IMPLICIT);
    }

    private int portOf(TlsMode mode) {
        return listeners.stream()
                .filter(l -> l.mode() == mode)
                .mapToInt(l -> l.server().getPortAllocated())
                .findFirst()
                .orElse(-1);
    }

    // The accept thread inherits the caller's context class loader, which here is the deploying module's.
    private static void startWithLoader(
            ClassLoader loader, SMTPServer server, SmtpThreadPool pool, SmtpSettings settings, TlsMode mode)
            throws ResourceException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            server.start();
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw bindFailure(settings, mode, e.getCause() != null ? e.getCause() : e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ResourceException bindFailure(SmtpSettings settings, TlsMode mode, Throwable cause) {
        String where = settings.bindAddress() + ":" + settings.port();
        String what = mode == TlsMode.IMPLICIT ? "SMTP with implicit TLS" : "SMTP";
        String setting = mode == TlsMode.IMPLICIT
                ? "POSTAGE_SMTPS_PORT (activation property 'implicitTlsPort') to a free port above 1023 or 0 for none"
                : "POSTAGE_SMTP_PORT (activation property 'port') to a free port above 1023";
        String message = cause instanceof BindException
                ? "Cannot listen for " + what + " on " + where + " (" + cause.getMessage() + "): the port is taken by "
                        + "another process or needs privileges; set " + setting + ", or change bindAddress"
                : "Cannot listen for " + what + " on " + where + ": " + Causes.describe(cause);
        log.error(message);
        return new ResourceException(message, cause);
    }

    private TlsPolicy tlsPolicy() throws ResourceException {
        try {
            return spec.toTlsPolicy();
        } catch (InvalidTlsPolicyException | NoSuchAlgorithmException e) {
            throw new ResourceException("Invalid SMTP TLS settings: " + e.getMessage(), e); // validate() said so
        }
    }

    private SSLContext tlsContext(SmtpSettings settings) throws ResourceException {
        try {
            if (spec.usesGeneratedKey()) {
                return TlsContextFactory.selfSigned(Path.of(spec.getDataDirectory()), settings.hostName());
            }
            return TlsContextFactory.fromKeystore(
                    Path.of(spec.getKeystorePath()), spec.getKeystorePassword().toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            String message = "Cannot set up TLS for SMTP ("
                    + (spec.usesGeneratedKey()
                            ? "generated key in " + spec.getDataDirectory()
                            : "keystore " + spec.getKeystorePath())
                    + "): " + Causes.describe(e);
            log.error(message);
            throw new ResourceException(message, e);
        }
    }
}
