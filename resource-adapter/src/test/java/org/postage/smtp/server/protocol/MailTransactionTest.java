package org.postage.smtp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.smtp.testing.RawSmtpClient;
import org.postage.smtp.testing.RecordingListener;
import org.postage.smtp.testing.SmtpTestServer;

class MailTransactionTest {

    @RegisterExtension
    final SmtpTestServer server = new SmtpTestServer();

    @Test
    void theNullSenderIsAcceptedAndPassedAsAnEmptyString() throws IOException {
        try (RawSmtpClient client = server.connectAuthenticated()) {
            assertEquals(SmtpReplies.SENDER_OK.toString(), client.command("MAIL FROM:<>"));
            assertEquals("", server.listener().mailCalls.get(0).reversePath());
            assertEquals(-1, server.listener().mailCalls.get(0).declaredSize());
        }
    }

    @Test
    void aDeclaredSizeOverTheMaximumIsRefusedAtMailWith552() throws IOException {
        try (RawSmtpClient client = server.connectAuthenticated()) {
            assertEquals(
                    "552 5.3.4 Message size exceeds fixed maximum message size",
                    client.command("MAIL FROM:<a@example.com> SIZE=" + (SmtpTestServer.MAX_MESSAGE_SIZE + 1)));
            assertEquals(List.of(), server.listener().mailCalls);
        }
    }

    @Test
    void aDeclaredSizeWithinTheMaximumAndBody8BitMimeReachTheListener() throws IOException {
        try (RawSmtpClient client = server.connectAuthenticated()) {
            assertEquals(
                    SmtpReplies.SENDER_OK.toString(),
                    client.command("MAIL FROM:<a@example.com> SIZE=1000 BODY=8BITMIME AUTH=<>"));
            assertEquals(1000, server.listener().mailCalls.get(0).declaredSize());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MAIL FROM:<a@example.com> SMTPUTF8|555 5.5.4",
                "MAIL FROM:<a@example.com> BODY=BINARYMIME|555 5.5.4",
                "MAIL FROM:<a@example.com> SIZE=lots|501 5.5.4",
                "MAIL FROM:a@example.com|501 5.1.7",
                "MAIL FROM:<a b@example.com>|501 5.1.7",
                "MAIL FROM:<a@@example.com>|501 5.1.7",
                "MAIL FROM:<a@example.com|501 5.1.7",
                "MAIL TO:<a@example.com>|501 5.5.4",
                "MAIL|501 5.5.4"
            })
    void malformedOrUnsupportedMailCommandsGetEnhancedCodes(String command, String expected) throws IOException {
        try (RawSmtpClient client = server.connectAuthenticated()) {
            client.expect(expected + " ", client.command(command));
            assertEquals(List.of(), server.listener().mailCalls);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RCPT TO:<>|501 5.1.3",
                "RCPT TO:<bob@-bad-.example>|501 5.1.3",
                "RCPT TO:bob@example.com|501 5.1.3",
                "RCPT TO:<bob@example.com> NOTIFY=NEVER|555 5.5.4",
                "RCPT FROM:<bob@example.com>|501 5.5.4"
            })
    void malformedOrUnsupportedRcptCommandsGetEnhancedCodes(String command, String expected) throws IOException {
        try (RawSmtpClient client = server.connectAuthenticated()) {
            client.command("MAIL FROM:<a@example.com>");
            client.expect(expected + " ", client.command(command));
            assertEquals(List.of(), server.listener().rcptCalls);
        }
    }

    @Test
    void commandsOutOfOrderAre503() throws IOException {
        try (RawSmtpClient client = server.connectAuthenticated()) {
            assertEquals(SmtpReplies.BAD_SEQUENCE_NEED_MAIL.toString(), client.command("RCPT TO:<b@example.com>"));
            assertEquals(SmtpReplies.BAD_SEQUENCE_NEED_MAIL.toString(), client.command("DATA"));
            client.command("MAIL FROM:<a@example.com>");
            assertEquals(SmtpReplies.BAD_SEQUENCE_NESTED_MAIL.toString(), client.command("MAIL FROM:<a@example.com>"));
            assertEquals(SmtpReplies.BAD_SEQUENCE_NEED_RCPT.toString(), client.command("DATA"));
            assertEquals(SmtpReplies.BAD_SEQUENCE_AUTH_IN_TRANSACTION.toString(), client.command("AUTH LOGIN"));
        }
    }

    @Test
    void theHundredAndFirstRecipientIs452AndTheFirstHundredAreDelivered() throws Exception {
        try (RawSmtpClient client = server.connectAuthenticated()) {
            client.command("MAIL FROM:<a@example.com>");
            for (int i = 1; i <= 100; i++) {
                assertEquals(SmtpReplies.RECIPIENT_OK.toString(), client.command("RCPT TO:<r" + i + "@example.com>"));
            }
            assertEquals("452 4.5.3 Too many recipients", client.command("RCPT TO:<r101@example.com>"));
            client.command("DATA");
            client.expect("250 ", client.command("Subject: many\r\n\r\nhello\r\n."));

            List<String> recipients = server.listener().awaitData().envelope().recipients();
            assertEquals(100, recipients.size());
            assertEquals("r100@example.com", recipients.get(99));
        }
    }

    @Test
    void refusalsFromTheListenerArePassedThroughUnchanged() throws Exception {
        RecordingListener listener = server.listener();
        try (RawSmtpClient client = server.connectAuthenticated()) {
            listener.mailReply = new Reply(550, "5.7.1", "Sender not verified");
            assertEquals("550 5.7.1 Sender not verified", client.command("MAIL FROM:<a@example.com>"));
            assertEquals(
                    SmtpReplies.BAD_SEQUENCE_NEED_MAIL.toString(),
                    client.command("RCPT TO:<b@example.com>"),
                    "a refused MAIL starts no transaction");

            listener.mailReply = SmtpReplies.SENDER_OK;
            listener.rcptReply = new Reply(450, "4.7.1", "Rate limit for this recipient, try later");
            client.command("MAIL FROM:<a@example.com>");
            assertEquals(
                    "450 4.7.1 Rate limit for this recipient, try later", client.command("RCPT TO:<b@example.com>"));
            assertEquals(
                    SmtpReplies.BAD_SEQUENCE_NEED_RCPT.toString(),
                    client.command("DATA"),
                    "a refused recipient is not in the envelope");

            listener.rcptReply = SmtpReplies.RECIPIENT_OK;
            listener.dataReply = SmtpReplies.NOT_STORED;
            client.command("RCPT TO:<b@example.com>");
            client.command("DATA");
            assertEquals(
                    "451 4.3.0 Message not stored, try again later", client.command("Subject: x\r\n\r\nbody\r\n."));
        }
    }

    @Test
    void aPipelinedTransactionInOneWriteGetsOneReplyPerCommandInOrder() throws Exception {
        try (RawSmtpClient client = server.connectAuthenticated()) {
            client.write("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nRCPT TO:<c@example.com>\r\nDATA\r\n");
            assertEquals(SmtpReplies.SENDER_OK.toString(), client.readReply());
            assertEquals(SmtpReplies.RECIPIENT_OK.toString(), client.readReply());
            assertEquals(SmtpReplies.RECIPIENT_OK.toString(), client.readReply());
            assertEquals(SmtpReplies.START_DATA.toString(), client.readReply());

            // The next commands travel in the same packet as the end of the message.
            client.write("Subject: piped\r\n\r\nbody\r\n.\r\nRSET\r\nNOOP\r\nQUIT\r\n");
            assertEquals("250 2.0.0 Ok: queued as Q1", client.readReply());
            assertEquals(SmtpReplies.RESET_OK.toString(), client.readReply());
            assertEquals(SmtpReplies.NOOP_OK.toString(), client.readReply());
            assertEquals(SmtpReplies.BYE.toString(), client.readReply());
            assertTrue(client.closedByServer());

            RecordingListener.DataCall call = server.listener().awaitData();
            assertEquals(
                    List.of("b@example.com", "c@example.com"), call.envelope().recipients());
            assertEquals("Subject: piped\r\n\r\nbody\r\n", call.text());
        }
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "FOO|500 5.5.1 Command not recognised",
                "NOOPX|500 5.5.1 Command not recognised",
                "QUITE|500 5.5.1 Command not recognised",
                "AB|500 5.5.1 Command not recognised",
                "''|500 5.5.1 Command not recognised",
                "EXPN staff|502 5.5.1 Command not implemented",
                "HELP|502 5.5.1 Command not implemented",
                "VRFY bob|252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery",
                "NOOP anything|250 2.0.0 OK",
                "RSET|250 2.0.0 Flushed",
                "RSET now|501 5.5.4 Syntax error in parameters or arguments"
            })
    void everyOtherCommandIsAnsweredWithAnEnhancedCode(String command, String expected) throws IOException {
        try (RawSmtpClient client = server.connect()) {
            assertEquals(expected, client.command(command));
            assertEquals(SmtpReplies.NOOP_OK.toString(), client.command("NOOP"), "the session goes on");
        }
    }

    @Test
    void aCommandWithABareLineFeedIsRefusedWithAnEnhancedCodeAndTheConnectionClosed() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            client.write("NOOP\nNOOP\r\n");
            assertEquals(SmtpReplies.BARE_LINE_ENDING.toString(), client.readReply());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void anOverlongCommandLineIsRefusedWithAnEnhancedCode() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            // 998 characters and no line end: the server stops reading right there, so nothing is left unread.
            client.write("NOOP " + "x".repeat(993));
            assertEquals(SmtpReplies.LINE_TOO_LONG.toString(), client.readReply());
        }
    }

    @Test
    void quitSaysGoodbyeAndCloses() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            assertEquals("221 2.0.0 Bye", client.command("QUIT"));
            assertTrue(client.closedByServer());
        }
    }
}
