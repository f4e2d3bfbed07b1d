package org.postage.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.postage.application.submission.AcceptedSubmission;
import org.postage.application.submission.SubmissionQueue;
import org.postage.domain.message.QueueId;

/**
 * The submission queue as a durable Artemis queue: where a message is when the client gets its 250. Joins the
 * caller's JTA transaction (the end of DATA), unlike {@link JmsOutboundQueue}, which commits each entry itself.
 */
@ApplicationScoped
@JMSDestinationDefinition(
        name = JmsNames.SUBMISSION_QUEUE,
        interfaceName = "jakarta.jms.Queue",
        destinationName = JmsNames.SUBMISSION_QUEUE_NAME)
public class JmsSubmissionQueue implements SubmissionQueue {

    @Inject
    JMSContext context;

    @Resource(lookup = JmsNames.SUBMISSION_QUEUE)
    Queue queue;

    @Override
    public void enqueue(AcceptedSubmission submission, byte[] rawMessage) {
        JmsQueues.send(context, queue, rawMessage, Duration.ZERO, jms -> {
            jms.setStringProperty(JmsNames.SUBMISSION_ID, submission.id().value());
            jms.setLongProperty(JmsNames.ACCOUNT_ID, submission.accountId());
            if (submission.credential() != null) {
                jms.setStringProperty(JmsNames.CREDENTIAL, submission.credential());
            }
            jms.setStringProperty(JmsNames.ENVELOPE_SENDER, submission.envelopeSender());
            // Addresses cannot contain a line feed: the adapter validates them.
            jms.setStringProperty(JmsNames.RECIPIENTS, String.join("\n", submission.recipients()));
            jms.setLongProperty(JmsNames.ACCEPTED_AT, submission.acceptedAt().toEpochMilli());
        });
    }

    /** Reads an entry back; the inverse of {@link #enqueue}. */
    public static AcceptedSubmission entry(BytesMessage jms) throws JMSException {
        return new AcceptedSubmission(
                new QueueId(jms.getStringProperty(JmsNames.SUBMISSION_ID)),
                jms.getLongProperty(JmsNames.ACCOUNT_ID),
                jms.getStringProperty(JmsNames.CREDENTIAL),
                jms.getStringProperty(JmsNames.ENVELOPE_SENDER),
                Arrays.asList(jms.getStringProperty(JmsNames.RECIPIENTS).split("\n")),
                Instant.ofEpochMilli(jms.getLongProperty(JmsNames.ACCEPTED_AT)));
    }

    public static byte[] content(BytesMessage jms) throws JMSException {
        return JmsQueues.content(jms);
    }
}
