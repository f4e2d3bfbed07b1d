package org.postage.infrastructure.messaging.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.time.Duration;

/** Sending a raw message with its properties, durably, in the given context's transaction: what both queues share. */
final class JmsQueues {

    interface Properties {
        void write(BytesMessage message) throws JMSException;
    }

    private JmsQueues() {}

    static void send(JMSContext context, Queue queue, byte[] content, Duration delay, Properties properties) {
        try {
            BytesMessage jms = context.createBytesMessage();
            jms.writeBytes(content);
            properties.write(jms);
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            if (!delay.isZero()) {
                producer.setDeliveryDelay(delay.toMillis());
            }
            producer.send(queue, jms);
        } catch (JMSException e) {
            throw new IllegalStateException("could not build a queue entry for " + queue, e);
        }
    }

    static byte[] content(BytesMessage jms) throws JMSException {
        byte[] content = new byte[(int) jms.getBodyLength()];
        jms.readBytes(content);
        return content;
    }
}
