package org.postage.smtp.ra.inflow;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.postage.smtp.server.Causes;
import org.postage.smtp.server.SmtpSettings;
import org.postage.smtp.server.SmtpThreadPool;
import org.postage.smtp.server.SubmissionServerFactory;
import org.postage.smtp.server.TlsContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * One SMTP listener for one message endpoint: its own subethasmtp server and its own bounded thread pool, both
 * built fresh on every start because a stopped SMTPServer cannot be restarted.
 */
public final class SmtpActivation {

    /** How long a stop lets running sessions finish before interrupting them. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SmtpActivation.class);

    private final SmtpActivationSpec spec;
    private final MessageEndpointFactory factory;
    private final BootstrapContext context;
    private SMTPServer server;
    private SmtpThreadPool pool;

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
        SSLContext tls = tlsContext(settings);
        ClassLoader adapterLoader = SmtpActivation.class.getClassLoader();
        pool = SmtpThreadPool.create(settings.maxConnections(), adapterLoader, STOP_GRACE);
        try {
            server = SubmissionServerFactory.create(
                    settings, tls, new EndpointListenerInvoker(factory, transactions), pool);
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw new ResourceException("Cannot build the SMTP listener: " + Causes.describe(e), e);
        }
        startWithLoader(adapterLoader, settings);
        log.info(
                "SMTP submission listening on {}:{} (hostName={},"
                        + " maxConnections={}, idleTimeout={}s, maxRecipients={}, "
                        + "maxMessageSize={} bytes, TLS key {})",
                settings.bindAddress(),
                server.getPortAllocated(),
                settings.hostName(),
                settings.maxConnections(),
                settings.idleTimeout().toSeconds(),
                settings.maxRecipients(),
                settings.maxMessageSize(),
                spec.usesGeneratedKey() ? "generated in " + spec.getDataDirectory() : "from " + spec.getKeystorePath());
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
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (RuntimeException e) {
            log.warn("Stopping the SMTP listener on port {} failed: {}", server.getPortAllocated(), Causes.describe(e));
        } finally {
            pool.shutdownNow();
            server = null;
        }
    }

    /** The port actually listened on (differs from the setting when that is 0). */
    public synchronized int port() {
        return server == null ? -1 : server.getPortAllocated();
    }

    // The accept thread inherits the caller's context class loader, which here is the deploying module's.
    private void startWithLoader(ClassLoader loader, SmtpSettings settings) throws ResourceException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            server.start();
        } catch (RuntimeException e) {
            pool.shutdownNow();
            server = null;
            throw bindFailure(settings, e.getCause() != null ? e.getCause() : e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ResourceException bindFailure(SmtpSettings settings, Throwable cause) {
        String where = settings.bindAddress() + ":" + settings.port();
        String message = cause instanceof BindException
                ? "Cannot listen for SMTP on " + where + " (" + cause.getMessage() + "): the port is taken by another "
                        + "process or needs privileges; set POSTAGE_SMTP_PORT"
                        + " (activation property 'port') to a free port "
                        + "above 1023, or change bindAddress"
                : "Cannot listen for SMTP on " + where + ": " + Causes.describe(cause);
        log.error(message);
        return new ResourceException(message, cause);
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
