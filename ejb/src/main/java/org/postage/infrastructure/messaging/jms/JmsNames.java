package org.postage.infrastructure.messaging.jms;

/** Every JMS JNDI name, defined once. */
public final class JmsNames {

    private JmsNames() {}

    /** Submissions accepted with a 250 and waiting to be checked and split into messages. */
    public static final String SUBMISSION_QUEUE = "java:global/jms/postage/submissions";

    public static final String SUBMISSION_QUEUE_NAME = "postage.submissions";

    /** WildFly's in-VM connection factory: not JCA-managed, so never part of a JTA transaction. */
    public static final String LOCAL_CONNECTION_FACTORY = "java:/ConnectionFactory";

    /** Messages waiting for (another) delivery attempt. */
    public static final String OUTBOUND_QUEUE = "java:global/jms/postage/outbound";

    public static final String OUTBOUND_QUEUE_NAME = "postage.outbound";

    // Properties of queue entries; the body is the raw message.
    static final String SUBMISSION_ID = "postageSubmissionId";
    static final String MESSAGE_ID = "postageMessageId";
    static final String ACCOUNT_ID = "postageAccountId";
    static final String CREDENTIAL = "postageCredential";
    static final String ENVELOPE_SENDER = "postageEnvelopeSender";
    static final String RECIPIENTS = "postageRecipients";
    static final String RECIPIENT = "postageRecipient";
    static final String ACCEPTED_AT = "postageAcceptedAt";
    static final String ATTEMPT = "postageAttempt";
}
