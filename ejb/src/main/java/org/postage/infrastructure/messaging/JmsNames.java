package org.postage.infrastructure.messaging;

/** Every JMS JNDI name, defined once. */
public final class JmsNames {

    private JmsNames() {
    }

    /** Messages accepted and waiting for (another) delivery attempt. */
    public static final String OUTBOUND_QUEUE = "java:global/jms/postage/outbound";
    public static final String OUTBOUND_QUEUE_NAME = "postage.outbound";

    // Properties of an outbound queue entry; the body is the raw message.
    static final String QUEUE_ID = "postageQueueId";
    static final String ACCOUNT_ID = "postageAccountId";
    static final String ENVELOPE_SENDER = "postageEnvelopeSender";
    static final String RECIPIENTS = "postageRecipients";
    static final String ACCEPTED_AT = "postageAcceptedAt";
    static final String ATTEMPT = "postageAttempt";
}
