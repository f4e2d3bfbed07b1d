package org.postage.interfaces.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;
import org.postage.application.delivery.DeliveryService;
import org.postage.infrastructure.messaging.jms.JmsNames;
import org.postage.infrastructure.messaging.jms.JmsOutboundQueue;

/**
 * Takes entries off the outbound queue and hands each to {@link DeliveryService}. The entry is consumed only when
 * this transaction commits, so a crash mid-delivery brings it back.
 */
@MessageDriven(
        name = "DeliveryConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsNames.OUTBOUND_QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
        })
public class DeliveryConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeliveryConsumer.class.getName());

    @Inject
    DeliveryService delivery;

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof BytesMessage bytes)) {
            LOG.severe(
                    "Dropped a " + message.getClass().getSimpleName() + " on the outbound queue: not a Postage entry");
            return;
        }
        try {
            delivery.deliver(JmsOutboundQueue.entry(bytes), JmsOutboundQueue.content(bytes), bytes.getJMSRedelivered());
        } catch (JMSException e) {
            // Roll back: the broker redelivers the entry, and after its attempts moves it to the dead-letter queue.
            throw new IllegalStateException("could not read an outbound queue entry", e);
        }
    }
}
