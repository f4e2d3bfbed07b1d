package org.postage.smtp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postage.api.SmtpReplies;
import org.postage.smtp.testing.RawSmtpClient;
import org.postage.smtp.testing.RecordingListener;
import org.postage.smtp.testing.SmtpTestServer;

class DataTest {

    @RegisterExtension
    final SmtpTestServer server = new SmtpTestServer();

    @Test
    void theMessageArrivesDotUnstuffedWithItsEnvelopeAndTheListenersQueueId() throws Exception {
        try (RawSmtpClient client = readyForData()) {
            assertEquals(
                    "250 2.0.0 Ok: queued as Q1", client.command("Subject: dots\r\n\r\n..leading dot\r\nend\r\n."));

            RecordingListener.DataCall call = server.listener().awaitData();
            assertEquals("Subject: dots\r\n\r\n.leading dot\r\nend\r\n", call.text());
            assertEquals("sender@example.com", call.envelope().reversePath());
            assertEquals(List.of("rcpt@example.com"), call.envelope().recipients());
            assertEquals(RecordingListener.PRINCIPAL, call.session().principal());
        }
    }

    @Test
    void aLargeMessageArrivesByteForByte() throws Exception {
        StringBuilder message = new StringBuilder("Subject: big\r\n\r\n");
        for (int i = 0; message.length() < 200_000; i++) {
            message.append("line ")
                    .append(i)
                    .append(" ")
                    .append("abcdefghij".repeat(i % 50))
                    .append("\r\n");
        }
        try (RawSmtpClient client = readyForData()) {
            client.expect("250 2.0.0", client.command(message + "."));
            assertEquals(message.toString(), server.listener().awaitData().text());
        }
    }

    @Test
    void anOversizedMessageIs552AndNeverReachesTheListener() throws Exception {
        String line = "x".repeat(98) + "\r\n";
        try (RawSmtpClient client = readyForData()) {
            assertEquals(
                    "552 5.3.4 Message size exceeds fixed maximum message size",
                    client.command(line.repeat(SmtpTestServer.MAX_MESSAGE_SIZE / 100 + 10) + "."));
            assertEquals(SmtpReplies.NOOP_OK.toString(), client.command("NOOP"), "the session stays in step");
            assertEquals(0, server.listener().dataCalls.size());
        }
    }

    @Test
    void aLineOf999OctetsIs554AndNeverReachesTheListener() throws Exception {
        try (RawSmtpClient client = readyForData()) {
            assertEquals(
                    SmtpReplies.LINE_TOO_LONG_IN_DATA.toString(),
                    client.command("Subject: long\r\n\r\n" + "x".repeat(999) + "\r\n."));
            assertEquals(0, server.listener().dataCalls.size());
        }
    }

    @Test
    void aLineOf998OctetsIsAccepted() throws Exception {
        try (RawSmtpClient client = readyForData()) {
            client.expect("250 2.0.0", client.command("Subject: long\r\n\r\n" + "x".repeat(998) + "\r\n."));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\n.\\n", "\\r.\\r", "\\n.\\r\\n", "\\r\\n.\\r"})
    void aSmuggledEndOfDataDoesNotEndTheMessageAndTheSmuggledCommandsStayContent(String escaped) throws Exception {
        String smuggle = escaped.replace("\\r", "\r").replace("\\n", "\n");
        try (RawSmtpClient client = readyForData()) {
            client.write("Subject: innocent\r\n\r\nhello" + smuggle
                    + "MAIL FROM:<evil@attacker.example>\r\nRCPT TO:<victim@example.com>\r\nDATA\r\n"
                    + "Subject: forged\r\n\r\nsmuggled\r\n.\r\n");
            assertEquals("250 2.0.0 Ok: queued as Q1", client.readReply());
            assertEquals(
                    SmtpReplies.NOOP_OK.toString(), client.command("NOOP"), "no reply left over for smuggled commands");

            RecordingListener.DataCall call = server.listener().awaitData();
            assertTrue(
                    call.text().contains("\r\nMAIL FROM:<evil@attacker.example>\r\nRCPT TO:<victim@example.com>\r\n"),
                    call.text());
            assertEquals(0, server.listener().dataCalls.size(), "exactly one data() call");
            assertEquals(1, server.listener().mailCalls.size(), "the smuggled MAIL never ran");
        }
    }

    @Test
    void nulBytesAreRemovedAndBareLineEndsBecomeCrLf() throws Exception {
        try (RawSmtpClient client = readyForData()) {
            client.expect("250 ", client.command("Subject: n\0ul\r\n\r\none\ntwo\rthree\r\n."));
            assertEquals(
                    "Subject: nul\r\n\r\none\r\ntwo\r\nthree\r\n",
                    server.listener().awaitData().text());
        }
    }

    @Test
    void aClientThatDisconnectsInTheMiddleOfDataNeverReachesTheListener() throws Exception {
        RawSmtpClient client = readyForData();
        client.write("Subject: half\r\n\r\nthe first half of a message\r\n");
        client.close();

        assertEquals(null, server.listener().dataCalls.poll(500, TimeUnit.MILLISECONDS));
    }

    @Test
    void aSecondTransactionOnTheSameConnectionStartsWithAnEmptyEnvelope() throws Exception {
        try (RawSmtpClient client = readyForData()) {
            client.command("first\r\n.");
            client.command("MAIL FROM:<second@example.com>");
            client.command("RCPT TO:<other@example.com>");
            client.command("DATA");
            client.command("second\r\n.");

            server.listener().awaitData();
            RecordingListener.DataCall second = server.listener().awaitData();
            assertEquals("second@example.com", second.envelope().reversePath());
            assertEquals(List.of("other@example.com"), second.envelope().recipients());
        }
    }

    private RawSmtpClient readyForData() throws IOException {
        RawSmtpClient client = server.connectAuthenticated();
        client.command("MAIL FROM:<sender@example.com>");
        client.command("RCPT TO:<rcpt@example.com>");
        assertEquals(SmtpReplies.START_DATA.toString(), client.command("DATA"));
        return client;
    }
}
