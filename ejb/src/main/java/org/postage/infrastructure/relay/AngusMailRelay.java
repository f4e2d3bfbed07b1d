package org.postage.infrastructure.relay;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.postage.application.delivery.OutgoingContent;
import org.postage.application.delivery.Relay;
import org.postage.application.delivery.RelayOutcome;
import org.postage.domain.mail.SevenBitConversion;
import org.postage.domain.message.DeliveryState;

/**
 * Sends through the smarthost, reusing connections: opening one per message would cost a TCP and often a TLS
 * handshake each time. A connection idle for longer than the relay is likely to keep it is closed, not reused.
 */
@ApplicationScoped
public class AngusMailRelay implements Relay {

    private static final Logger LOG = Logger.getLogger(AngusMailRelay.class.getName());
    private static final long MAX_IDLE_MILLIS = 20_000;

    private record Connection(SMTPTransport transport, long lastUsed) {}

    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    @Inject
    RelaySettings settings;

    private Session session;

    @PostConstruct
    void init() {
        session = Session.getInstance(settings.sessionProperties());
    }

    @PreDestroy
    void closeAll() {
        Connection c;
        while ((c = idle.poll()) != null) {
            close(c.transport());
        }
    }

    @Override
    public RelayOutcome send(String envelopeSender, String recipient, OutgoingContent content) {
        Connection pooled = idle.pollFirst();
        if (pooled != null && System.currentTimeMillis() - pooled.lastUsed() > MAX_IDLE_MILLIS) {
            close(pooled.transport());
            pooled = null;
        }
        if (pooled != null) {
            try {
                return sendOn(pooled.transport(), envelopeSender, recipient, content);
            } catch (MessagingException e) {
                // The relay may have closed a reused connection; one fresh attempt tells a dead connection from a dead
                // relay.
                close(pooled.transport());
            }
        }
        SMTPTransport fresh = null;
        try {
            fresh = connect();
            return sendOn(fresh, envelopeSender, recipient, content);
        } catch (MessagingException e) {
            close(fresh);
            String reason = "Relay " + settings.describe() + " unreachable: " + rootMessage(e);
            LOG.warning(reason);
            return new RelayOutcome(DeliveryState.DEFERRED, reason);
        }
    }

    /**
     * @throws MessagingException only when the connection itself failed; refusals by the relay are outcomes
     */
    private RelayOutcome sendOn(
            SMTPTransport transport, String envelopeSender, String recipient, OutgoingContent content)
            throws MessagingException {
        boolean eightBitMime = transport.supportsExtension("8BITMIME");
        byte[] bytes;
        try {
            bytes = content.bytesFor(eightBitMime);
        } catch (SevenBitConversion.NotConvertible e) {
            // RFC 6152 3: convert or do not send. A deferral, not a bounce: the operator can point Postage at a
            // relay that offers 8BITMIME before the retries run out.
            String reason = "Not sent (4.6.3): the relay " + settings.describe()
                    + " does not offer 8BITMIME and the message cannot be converted to 7 bit: " + e.getMessage();
            LOG.warning(reason);
            keepIfConnected(transport);
            return new RelayOutcome(DeliveryState.DEFERRED, reason);
        } catch (RuntimeException e) {
            close(transport); // taken from the pool: neither leaked nor reused half-way through a failure
            throw e;
        }
        RawMessage message = new RawMessage(session, bytes, envelopeSender);
        if (eightBitMime && SevenBitConversion.hasEightBitBytes(bytes)) {
            message.setMailExtension("BODY=8BITMIME"); // RFC 6152 2: 8-bit data is announced at MAIL
        }
        try {
            transport.sendMessage(message, new Address[] {new InternetAddress(recipient, false)});
            RelayOutcome sent = new RelayOutcome(DeliveryState.SENT, transport.getLastServerResponse());
            idle.offerFirst(new Connection(transport, System.currentTimeMillis()));
            return sent;
        } catch (SendFailedException e) {
            // Refused at MAIL, RCPT or DATA: the reply of the refusal that names the recipient, else the last one.
            RelayOutcome outcome = refusal(e);
            keepIfConnected(transport);
            return outcome;
        }
    }

    private static RelayOutcome refusal(SendFailedException e) {
        for (Exception next = e;
                next != null;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException refused) {
                return RelayOutcome.fromReplyCode(
                        refused.getReturnCode(), refused.getMessage().trim());
            }
            if (next instanceof SMTPSendFailedException failed) {
                return RelayOutcome.fromReplyCode(
                        failed.getReturnCode(), failed.getMessage().trim());
            }
        }
        return new RelayOutcome(DeliveryState.DEFERRED, "Not sent: " + e.getMessage());
    }

    private void keepIfConnected(SMTPTransport transport) {
        if (transport.isConnected()) {
            idle.offerFirst(new Connection(transport, System.currentTimeMillis()));
        } else {
            close(transport);
        }
    }

    private SMTPTransport connect() throws MessagingException {
        SMTPTransport transport = (SMTPTransport) session.getTransport("smtp");
        transport.connect(
                settings.host(),
                settings.port(),
                settings.username().orElse(null),
                settings.password().orElse(null));
        return transport;
    }

    private static void close(SMTPTransport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // Closing a broken connection: nothing left to do.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
