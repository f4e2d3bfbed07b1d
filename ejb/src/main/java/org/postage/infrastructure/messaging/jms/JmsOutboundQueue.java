package org.postage.infrastructure.messaging.jms;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.postage.application.processing.OutboundQueue;
import org.postage.application.processing.QueuedMessage;
import org.postage.domain.message.MessageId;

/**
 * The outbound queue as a durable Artemis queue. An entry is committed in a local JMS transaction of its own
 * before this returns, not in the caller's JTA transaction: the callers are queue consumers, and a second XA
 * resource beside their consuming session made every processing a two-phase commit, which a kill -9 could
 * leave in doubt with the submission held (CrashIT). Committing first means a crash before the consumer's own
 * commit brings the entry it consumed back, and only what was in flight is sent twice.
 *
 * <p>The factory is not pooled, so a context per entry opened and closed a broker connection and a session each
 * time. One connection is kept instead, with a session per concurrent caller, reused: a session is used by one
 * thread at a time, and one that failed is closed, not reused.
 */
@ApplicationScoped
@JMSDestinationDefinition(
        name = JmsNames.OUTBOUND_QUEUE,
        interfaceName = "jakarta.jms.Queue",
        destinationName = JmsNames.OUTBOUND_QUEUE_NAME)
public class JmsOutboundQueue implements OutboundQueue {

    /** Not the pooled JmsXA factory: this one is never enlisted in JTA. */
    @Resource(lookup = JmsNames.LOCAL_CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Resource(lookup = JmsNames.OUTBOUND_QUEUE)
    Queue queue;

    /** Holds the one connection; its sessions are the contexts created from it. */
    private JMSContext connection;

    private final Deque<JMSContext> idle = new ConcurrentLinkedDeque<>();

    @Override
    public void enqueue(QueuedMessage message, byte[] content, Duration delay) {
        JMSContext context = borrow();
        boolean reusable = false;
        try {
            JmsQueues.send(context, queue, content, delay, jms -> {
                jms.setStringProperty(JmsNames.MESSAGE_ID, message.messageId().value());
                jms.setLongProperty(JmsNames.ACCOUNT_ID, message.accountId());
                jms.setStringProperty(JmsNames.ENVELOPE_SENDER, message.envelopeSender());
                jms.setStringProperty(JmsNames.RECIPIENT, message.recipient());
                jms.setLongProperty(JmsNames.ACCEPTED_AT, message.acceptedAt().toEpochMilli());
                jms.setIntProperty(JmsNames.ATTEMPT, message.attempt());
            });
            context.commit();
            reusable = true;
        } finally {
            if (reusable) {
                idle.push(context);
            } else {
                closeQuietly(context);
            }
        }
    }

    private JMSContext borrow() {
        JMSContext context = idle.poll();
        return context != null ? context : open();
    }

    private synchronized JMSContext open() {
        if (connection == null) {
            connection = factory.createContext();
        }
        try {
            return connection.createContext(JMSContext.SESSION_TRANSACTED);
        } catch (JMSRuntimeException e) {
            // The connection may be gone (the broker restarted): the next caller opens a new one.
            closeQuietly(connection);
            connection = null;
            throw e;
        }
    }

    @PreDestroy
    synchronized void close() {
        for (JMSContext context; (context = idle.poll()) != null; ) {
            closeQuietly(context);
        }
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void closeQuietly(JMSContext context) {
        try {
            context.close();
        } catch (RuntimeException e) {
            // Closing a broken session or connection fails too; nothing else to do with it.
        }
    }

    /** Reads an entry back; the inverse of {@link #enqueue}. */
    public static QueuedMessage entry(BytesMessage jms) throws JMSException {
        return new QueuedMessage(
                new MessageId(jms.getStringProperty(JmsNames.MESSAGE_ID)),
                jms.getLongProperty(JmsNames.ACCOUNT_ID),
                jms.getStringProperty(JmsNames.ENVELOPE_SENDER),
                jms.getStringProperty(JmsNames.RECIPIENT),
                Instant.ofEpochMilli(jms.getLongProperty(JmsNames.ACCEPTED_AT)),
                jms.getIntProperty(JmsNames.ATTEMPT));
    }

    public static byte[] content(BytesMessage jms) throws JMSException {
        return JmsQueues.content(jms);
    }
}
