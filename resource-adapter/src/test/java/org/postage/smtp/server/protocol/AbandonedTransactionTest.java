package org.postage.smtp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.api.SmtpSession;
import org.postage.smtp.testing.RawSmtpClient;
import org.postage.smtp.testing.RecordingListener;
import org.postage.smtp.testing.SmtpTestServer;

/**
 * A mail transaction that ends without its message being answered 2xx is reported to the listener once, and before
 * the client hears the reply that ended it; a transaction whose message was accepted is never reported.
 */
class AbandonedTransactionTest {

    @RegisterExtension
    final SmtpTestServer server = new SmtpTestServer();

    @Test
    void rsetEndsTheTransactionAndIsReportedOnceBeforeItsReply() throws Exception {
        try (RawSmtpClient client = inTransaction()) {
            assertEquals(SmtpReplies.RESET_OK.toString(), client.command("RSET"));
            assertEquals(1, listener().abandonedCalls.size(), "reported before the 250 to RSET");
            SmtpSession session = listener().abandonedCalls.poll();
            assertEquals(RecordingListener.PRINCIPAL, session.principal());
            assertEquals(listener().mailCalls.get(0).session().sessionId(), session.sessionId());

            assertEquals(SmtpReplies.RESET_OK.toString(), client.command("RSET"));
            assertEquals(SmtpReplies.NOOP_OK.toString(), client.command("NOOP"));
            assertEquals(0, listener().abandonedCalls.size(), "no transaction, nothing to report");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EHLO client.example", "HELO client.example"})
    void aGreetingInTheMiddleOfATransactionEndsIt(String greeting) throws Exception {
        try (RawSmtpClient client = inTransaction()) {
            client.expect("250", client.command(greeting));
            assertEquals(1, listener().abandonedCalls.size());
            assertEquals(SmtpReplies.BAD_SEQUENCE_NEED_MAIL.toString(), client.command("RCPT TO:<c@example.com>"));
        }
    }

    /** The listener's refusals, and the 451 the endpoint invoker gives when data()'s transaction does not commit. */
    @ParameterizedTest
    @ValueSource(strings = {"451 4.3.0 Message not stored, try again later", "550 5.6.0 Message refused"})
    void dataAnsweredWithARefusalIsReportedBeforeTheClientHearsIt(String refusal) throws Exception {
        listener().dataReply =
                new Reply(Integer.parseInt(refusal.substring(0, 3)), refusal.substring(4, 9), refusal.substring(10));
        CountDownLatch clientHasReply = new CountDownLatch(1);
        AtomicBoolean replyCameFirst = new AtomicBoolean();
        listener().duringAbandoned = () -> {
            try {
                // Were the reply sent before this call, the client would have it and count down at once.
                replyCameFirst.set(clientHasReply.await(300, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (RawSmtpClient client = inTransaction()) {
            client.expect("354", client.command("DATA"));
            assertEquals(refusal, client.command("Subject: x\r\n\r\nbody\r\n."));
            clientHasReply.countDown();

            assertEquals(1, listener().abandonedCalls.size());
            assertFalse(replyCameFirst.get(), "the client heard the refusal before the listener heard of it");
            // The next transaction is a new one, and is reported on its own.
            listener().dataReply = SmtpReplies.QUEUED.withText("Ok: queued as Q2");
            listener().duringAbandoned = () -> {};
            assertEquals(SmtpReplies.SENDER_OK.toString(), client.command("MAIL FROM:<a@example.com>"));
            assertEquals(SmtpReplies.RECIPIENT_OK.toString(), client.command("RCPT TO:<b@example.com>"));
            client.command("DATA");
            assertEquals("250 2.0.0 Ok: queued as Q2", client.command("Subject: y\r\n\r\nbody\r\n."));
            assertEquals(1, listener().abandonedCalls.size());
        }
    }

    @Test
    void aMessageTheAdapterRefusesAtDataIsReported() throws Exception {
        try (RawSmtpClient client = inTransaction()) {
            client.command("DATA");
            client.expect("554 5.6.0", client.command("Subject: x\r\n\r\n" + "y".repeat(1200) + "\r\n."));
            assertEquals(1, listener().abandonedCalls.size());
            assertEquals(0, listener().dataCalls.size());
        }
    }

    @Test
    void anAcceptedMessageIsNeverReportedWhateverTheClientDoesNext() throws Exception {
        try (RawSmtpClient client = inTransaction()) {
            client.command("DATA");
            assertEquals("250 2.0.0 Ok: queued as Q1", client.command("Subject: x\r\n\r\nbody\r\n."));
            client.command("RSET");
            client.command("EHLO client.example");
            assertEquals(SmtpReplies.BYE.toString(), client.command("QUIT"));
            assertTrue(client.closedByServer());
        }
        listener().awaitData();
        assertNull(listener().abandonedCalls.poll(500, TimeUnit.MILLISECONDS));
    }

    @Test
    void quitInTheMiddleOfATransactionIsReported() throws Exception {
        try (RawSmtpClient client = inTransaction()) {
            assertEquals(SmtpReplies.BYE.toString(), client.command("QUIT"));
        }
        listener().awaitAbandoned();
        assertNull(listener().abandonedCalls.poll(200, TimeUnit.MILLISECONDS), "once");
    }

    @Test
    void aConnectionDroppedBetweenCommandsIsReported() throws Exception {
        inTransaction().close();

        listener().awaitAbandoned();
        assertNull(listener().abandonedCalls.poll(200, TimeUnit.MILLISECONDS), "once");
    }

    @Test
    void aConnectionDroppedInTheMiddleOfTheMessageIsReportedAndNothingReachesData() throws Exception {
        try (RawSmtpClient client = inTransaction()) {
            client.command("DATA");
            client.write("Subject: half\r\n\r\nand then");
        }
        listener().awaitAbandoned();
        assertEquals(0, listener().dataCalls.size());
    }

    @Test
    void aRefusedMailStartsNoTransactionAndSoNothingIsReported() throws Exception {
        listener().mailReply = new Reply(550, "5.7.1", "Sender not verified");
        try (RawSmtpClient client = server.connectAuthenticated()) {
            client.expect("550", client.command("MAIL FROM:<a@example.com>"));
            client.command("RSET");
            client.command("QUIT");
            assertTrue(client.closedByServer());
        }
        assertNull(listener().abandonedCalls.poll(500, TimeUnit.MILLISECONDS));
    }

    @Test
    void aTransactionWithoutAnAcceptedRecipientIsReportedToo() throws Exception {
        listener().rcptReply = SmtpReplies.RECIPIENT_RATE_LIMITED;
        try (RawSmtpClient client = server.connectAuthenticated()) {
            client.command("MAIL FROM:<a@example.com>");
            client.expect("450", client.command("RCPT TO:<b@example.com>"));
            client.command("RSET");
            assertEquals(1, listener().abandonedCalls.size(), "the listener decides what a transaction reserved");
        }
    }

    private RecordingListener listener() {
        return server.listener();
    }

    private RawSmtpClient inTransaction() throws IOException {
        RawSmtpClient client = server.connectAuthenticated();
        assertEquals(SmtpReplies.SENDER_OK.toString(), client.command("MAIL FROM:<a@example.com>"));
        assertEquals(SmtpReplies.RECIPIENT_OK.toString(), client.command("RCPT TO:<b@example.com>"));
        return client;
    }
}
