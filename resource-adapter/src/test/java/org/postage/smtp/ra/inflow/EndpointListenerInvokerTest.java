package org.postage.smtp.ra.inflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postage.api.AuthResult;
import org.postage.api.Envelope;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.api.SmtpSession;
import org.postage.smtp.testing.RecordingListener;

class EndpointListenerInvokerTest {

    private static final SmtpSession SESSION = new SmtpSession("s1", "192.0.2.1", "client.example", true, "account-42");
    private static final Envelope ENVELOPE = new Envelope("a@example.com", List.of("b@example.com"));
    private static final byte[] CONTENT = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    private final RecordingListener bean = new RecordingListener();
    private final FakeContainer container = new FakeContainer(bean);
    private final EndpointListenerInvoker invoker =
            new EndpointListenerInvoker(container.endpointFactory(), container.registry());

    @Test
    void dataIsAnswered250OnceItsTransactionCommitted() {
        assertEquals(bean.dataReply, invoker.data(SESSION, ENVELOPE, CONTENT));
        assertEquals(List.of("create", "before:data", "call:data", "after", "release"), container.events);
    }

    @Test
    void dataIsAnswered451WhenTheBeanMarkedItsTransactionRollbackOnly() {
        container.rollbackOnly = true;

        assertEquals(SmtpReplies.NOT_STORED, invoker.data(SESSION, ENVELOPE, CONTENT));
        assertEquals(List.of("create", "before:data", "call:data", "after", "release"), container.events);
    }

    @Test
    void dataIsAnswered451WhenTheCommitInAfterDeliveryFails() {
        container.commitFails = true;

        assertEquals("451 4.3.0", status(invoker.data(SESSION, ENVELOPE, CONTENT)));
        assertEquals("release", container.events.get(container.events.size() - 1));
    }

    @Test
    void dataWithoutATransactionIsNeverCalledAndAnswered451() {
        container.transacted = false;

        assertEquals(SmtpReplies.LOCAL_ERROR, invoker.data(SESSION, ENVELOPE, CONTENT));
        assertEquals(List.of("create", "before:data", "after", "release"), container.events);
        assertEquals(0, bean.dataCalls.size());
    }

    @Test
    void aRefusalFromDataIsPassedOnWhateverTheTransactionDid() {
        bean.dataReply = new Reply(550, "5.7.1", "Sender domain not authenticated");
        container.rollbackOnly = true;

        assertSame(bean.dataReply, invoker.data(SESSION, ENVELOPE, CONTENT));
    }

    @Test
    void anExceptionFromTheBeanBecomesLocalErrorAndTheEndpointIsStillReleased() {
        bean.duringData = () -> {
            throw new IllegalStateException("database unavailable");
        };

        assertEquals(SmtpReplies.LOCAL_ERROR, invoker.data(SESSION, ENVELOPE, CONTENT));
        assertEquals(List.of("create", "before:data", "call:data", "after", "release"), container.events);
    }

    @Test
    void theOtherPhasesAreBracketedWithTheirOwnMethod() {
        AuthResult auth = invoker.authenticate(SESSION, RecordingListener.USERNAME, RecordingListener.PASSWORD);
        Reply mail = invoker.mailFrom(SESSION, "a@example.com", 100);
        Reply rcpt = invoker.rcptTo(SESSION, "a@example.com", "b@example.com");

        assertEquals(RecordingListener.PRINCIPAL, auth.principal());
        assertEquals(SmtpReplies.SENDER_OK, mail);
        assertEquals(SmtpReplies.RECIPIENT_OK, rcpt);
        assertEquals(
                List.of(
                        "create",
                        "before:authenticate",
                        "call:authenticate",
                        "after",
                        "release",
                        "create",
                        "before:mailFrom",
                        "call:mailFrom",
                        "after",
                        "release",
                        "create",
                        "before:rcptTo",
                        "call:rcptTo",
                        "after",
                        "release"),
                container.events);
    }

    @Test
    void anAbandonedTransactionIsReportedThroughAnEndpointOfItsOwn() {
        invoker.transactionAbandoned(SESSION);

        assertEquals(
                List.of("create", "before:transactionAbandoned", "call:transactionAbandoned", "after", "release"),
                container.events);
        assertEquals(SESSION, bean.abandonedCalls.poll());
    }

    @Test
    void aFailingReportOfAnAbandonedTransactionIsLoggedAndTheEndpointStillReleased() {
        bean.duringAbandoned = () -> {
            throw new IllegalStateException("database unavailable");
        };

        invoker.transactionAbandoned(SESSION);

        assertEquals(
                List.of("create", "before:transactionAbandoned", "call:transactionAbandoned", "after", "release"),
                container.events);
    }

    @Test
    void theListenerMethodsAreTheOnesOfTheContract() throws Exception {
        assertEquals(
                org.postage.api.SubmissionListener.class.getMethod(
                        "data", SmtpSession.class, Envelope.class, byte[].class),
                EndpointListenerInvoker.DATA);
        assertEquals(
                org.postage.api.SubmissionListener.class.getMethod("transactionAbandoned", SmtpSession.class),
                EndpointListenerInvoker.TRANSACTION_ABANDONED);
    }

    private static String status(Reply reply) {
        return reply.code() + " " + reply.status();
    }
}
