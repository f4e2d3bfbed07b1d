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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.postage.application.Relay;
import org.postage.application.RelayOutcome;
import org.postage.domain.DeliveryState;

/**
 * Sends through the smarthost, reusing connections: opening one per message would cost a TCP and often a TLS
 * handshake each time. A connection idle for longer than the relay is likely to keep it is closed, not reused.
 */
@ApplicationScoped
public class AngusMailRelay implements Relay {

    private static final Logger LOG = Logger.getLogger(AngusMailRelay.class.getName());
    private static final long MAX_IDLE_MILLIS = 20_000;

    private record Connection(SMTPTransport transport, long lastUsed) {
    }

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
    public Map<String, RelayOutcome> send(String envelopeSender, List<String> recipients, byte[] content) {
        Connection pooled = idle.pollFirst();
        if (pooled != null && System.currentTimeMillis() - pooled.lastUsed() > MAX_IDLE_MILLIS) {
            close(pooled.transport());
            pooled = null;
        }
        if (pooled != null) {
            try {
                return sendOn(pooled.transport(), envelopeSender, recipients, content);
            } catch (MessagingException e) {
                // The relay may have closed a reused connection; one fresh attempt tells a dead connection from a dead relay.
                close(pooled.transport());
            }
        }
        SMTPTransport fresh = null;
        try {
            fresh = connect();
            return sendOn(fresh, envelopeSender, recipients, content);
        } catch (MessagingException e) {
            close(fresh);
            String reason = "Relay " + settings.describe() + " unreachable: " + rootMessage(e);
            LOG.warning(reason);
            Map<String, RelayOutcome> all = new LinkedHashMap<>();
            recipients.forEach(r -> all.put(r, new RelayOutcome(DeliveryState.DEFERRED, reason)));
            return all;
        }
    }

    /**
     * @throws MessagingException only when the connection itself failed; refusals by the relay are outcomes
     */
    private Map<String, RelayOutcome> sendOn(SMTPTransport transport, String envelopeSender, List<String> recipients,
                                             byte[] content) throws MessagingException {
        RawMessage message = new RawMessage(session, content, envelopeSender);
        Address[] to = new Address[recipients.size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(recipients.get(i), false);
        }
        Map<String, RelayOutcome> outcomes = new LinkedHashMap<>();
        try {
            transport.sendMessage(message, to);
            String reply = transport.getLastServerResponse();
            recipients.forEach(r -> outcomes.put(r, new RelayOutcome(DeliveryState.SENT, reply)));
            idle.offerFirst(new Connection(transport, System.currentTimeMillis()));
            return outcomes;
        } catch (SMTPSendFailedException e) {
            // MAIL or DATA refused: the same answer for every recipient not refused individually.
            RelayOutcome all = RelayOutcome.fromReplyCode(e.getReturnCode(), e.getMessage().trim());
            recordRecipientRefusals(e, outcomes);
            recipients.forEach(r -> outcomes.putIfAbsent(r, all));
            closeQuietlyOrKeep(transport);
            return outcomes;
        } catch (SendFailedException e) {
            recordRecipientRefusals(e, outcomes);
            if (e.getValidSentAddresses() != null) {
                String reply = transport.getLastServerResponse();
                for (Address a : e.getValidSentAddresses()) {
                    outcomes.put(((InternetAddress) a).getAddress(), new RelayOutcome(DeliveryState.SENT, reply));
                }
            }
            recipients.forEach(r -> outcomes.putIfAbsent(r,
                    new RelayOutcome(DeliveryState.DEFERRED, "Not sent: " + e.getMessage())));
            closeQuietlyOrKeep(transport);
            return outcomes;
        }
    }

    private static void recordRecipientRefusals(MessagingException e, Map<String, RelayOutcome> outcomes) {
        for (Exception next = e.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException refused) {
                outcomes.put(refused.getAddress().getAddress(),
                        RelayOutcome.fromReplyCode(refused.getReturnCode(), refused.getMessage().trim()));
            }
        }
    }

    private void closeQuietlyOrKeep(SMTPTransport transport) {
        if (transport.isConnected()) {
            idle.offerFirst(new Connection(transport, System.currentTimeMillis()));
        } else {
            close(transport);
        }
    }

    private SMTPTransport connect() throws MessagingException {
        SMTPTransport transport = (SMTPTransport) session.getTransport("smtp");
        transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
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
