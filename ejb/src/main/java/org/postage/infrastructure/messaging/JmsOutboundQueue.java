package org.postage.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.postage.application.OutboundQueue;
import org.postage.application.QueuedMessage;
import org.postage.domain.QueueId;

/**
 * The outbound queue as a durable Artemis queue. The container's JMSContext joins the caller's JTA transaction,
 * so an entry exists exactly when that transaction commits; the broker syncs its journal before the commit
 * returns.
 */
@ApplicationScoped
@JMSDestinationDefinition(name = JmsNames.OUTBOUND_QUEUE, interfaceName = "jakarta.jms.Queue",
        destinationName = JmsNames.OUTBOUND_QUEUE_NAME)
public class JmsOutboundQueue implements OutboundQueue {

    @Inject
    JMSContext context;

    @Resource(lookup = JmsNames.OUTBOUND_QUEUE)
    Queue queue;

    @Override
    public void enqueue(QueuedMessage message, byte[] content, Duration delay) {
        try {
            BytesMessage jms = context.createBytesMessage();
            jms.writeBytes(content);
            jms.setStringProperty(JmsNames.QUEUE_ID, message.queueId().value());
            jms.setLongProperty(JmsNames.ACCOUNT_ID, message.accountId());
            jms.setStringProperty(JmsNames.ENVELOPE_SENDER, message.envelopeSender());
            // Addresses cannot contain a line feed: the adapter normalises and validates them.
            jms.setStringProperty(JmsNames.RECIPIENTS, String.join("\n", message.recipients()));
            jms.setLongProperty(JmsNames.ACCEPTED_AT, message.acceptedAt().toEpochMilli());
            jms.setIntProperty(JmsNames.ATTEMPT, message.attempt());
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            if (!delay.isZero()) {
                producer.setDeliveryDelay(delay.toMillis());
            }
            producer.send(queue, jms);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build the outbound queue entry for " + message.queueId(), e);
        }
    }

    /** Reads an entry back; the inverse of {@link #enqueue}. */
    public static QueuedMessage entry(BytesMessage jms) throws JMSException {
        return new QueuedMessage(new QueueId(jms.getStringProperty(JmsNames.QUEUE_ID)),
                jms.getLongProperty(JmsNames.ACCOUNT_ID),
                jms.getStringProperty(JmsNames.ENVELOPE_SENDER),
                Arrays.asList(jms.getStringProperty(JmsNames.RECIPIENTS).split("\n")),
                Instant.ofEpochMilli(jms.getLongProperty(JmsNames.ACCEPTED_AT)),
                jms.getIntProperty(JmsNames.ATTEMPT));
    }

    public static byte[] content(BytesMessage jms) throws JMSException {
        byte[] content = new byte[(int) jms.getBodyLength()];
        jms.readBytes(content);
        return content;
    }
}
