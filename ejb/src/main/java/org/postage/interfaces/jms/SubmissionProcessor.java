package org.postage.interfaces.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;
import org.postage.application.processing.ProcessingService;
import org.postage.infrastructure.messaging.jms.JmsNames;
import org.postage.infrastructure.messaging.jms.JmsSubmissionQueue;

/**
 * Takes accepted submissions off the submission queue and hands each to {@link ProcessingService}, which checks
 * it and splits it into messages on the outbound queue; each message's entry commits on its own, before this
 * transaction consumes the submission (see {@link org.postage.infrastructure.messaging.jms.JmsOutboundQueue}).
 */
@MessageDriven(
        name = "SubmissionProcessor",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsNames.SUBMISSION_QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
        })
public class SubmissionProcessor implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SubmissionProcessor.class.getName());

    @Inject
    ProcessingService processing;

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof BytesMessage bytes)) {
            LOG.severe("Dropped a " + message.getClass().getSimpleName()
                    + " on the submission queue: not a Postage entry");
            return;
        }
        try {
            processing.process(JmsSubmissionQueue.entry(bytes), JmsSubmissionQueue.content(bytes));
        } catch (JMSException e) {
            throw new IllegalStateException("could not read a submission queue entry", e);
        }
    }
}
