package org.postage.smtp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postage.api.SmtpReplies;
import org.postage.smtp.testing.RawSmtpClient;
import org.postage.smtp.testing.SmtpTestServer;

class GreetingAndStartTlsTest {

    @RegisterExtension
    final SmtpTestServer server = new SmtpTestServer();

    @Test
    void greetsWithTheConfiguredHostName() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            assertEquals("220 mx.test.example ESMTP Postage", client.greeting());
        }
    }

    @Test
    void ehloBeforeTlsOffersStartTlsButNoAuth() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            assertEquals(
                    String.join(
                            "\n",
                            "250-mx.test.example",
                            "250-PIPELINING",
                            "250-SIZE " + SmtpTestServer.MAX_MESSAGE_SIZE,
                            "250-8BITMIME",
                            "250-ENHANCEDSTATUSCODES",
                            "250 STARTTLS"),
                    client.command("EHLO client.example"));
        }
    }

    @Test
    void ehloAfterTlsOffersAuthButNoStartTls() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            client.command("EHLO client.example");
            client.startTls();
            assertEquals(
                    String.join(
                            "\n",
                            "250-mx.test.example",
                            "250-PIPELINING",
                            "250-SIZE " + SmtpTestServer.MAX_MESSAGE_SIZE,
                            "250-8BITMIME",
                            "250-ENHANCEDSTATUSCODES",
                            "250 AUTH PLAIN LOGIN"),
                    client.command("EHLO client.example"));
        }
    }

    @Test
    void heloGetsAPlainGreetingWithoutExtensions() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            assertEquals("250 mx.test.example", client.command("HELO client.example"));
        }
    }

    @Test
    void startTlsInsideTlsIsABadSequence() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            client.startTls();
            assertEquals(SmtpReplies.BAD_SEQUENCE_TLS_ACTIVE.toString(), client.command("STARTTLS"));
        }
    }

    @Test
    void commandsPipelinedInClearTextAfterStartTlsAreNeverExecuted() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            client.write("STARTTLS\r\nNOOP\r\n");
            assertEquals(SmtpReplies.READY_FOR_TLS.toString(), client.readReply());
            client.handshake();
            String reply = client.command("EHLO client.example");
            assertTrue(reply.startsWith("250-mx.test.example"), "the first reply inside TLS is for EHLO: " + reply);
            assertEquals(SmtpReplies.NOOP_OK.toString(), client.command("NOOP"));
        }
    }

    @Test
    void subethasmtpsOwnRepliesGetEnhancedCodesInsideTlsToo() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            client.startTls();
            assertEquals(SmtpReplies.UNKNOWN_COMMAND.toString(), client.command("XYZZY"));
            assertEquals(SmtpReplies.UNKNOWN_COMMAND.toString(), client.command(""));
        }
    }

    @Test
    void chunkingIsNotOfferedSoBdatIsAnUnknownCommand() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            assertEquals(SmtpReplies.UNKNOWN_COMMAND.toString(), client.command("BDAT 10 LAST"));
        }
    }
}
