package org.postage.smtp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postage.api.SmtpReplies;
import org.postage.smtp.testing.RawSmtpClient;
import org.postage.smtp.testing.RecordingListener;
import org.postage.smtp.testing.SmtpTestServer;

class AuthenticationTest {

    @RegisterExtension
    final SmtpTestServer server = new SmtpTestServer();

    @Test
    void authBeforeStartTlsIsRefusedWith530AndNeverReachesTheListener() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            client.command("EHLO client.example");
            assertEquals(
                    "530 5.7.0 Must issue a STARTTLS command first",
                    client.command("AUTH PLAIN "
                            + RawSmtpClient.plain(RecordingListener.USERNAME, RecordingListener.PASSWORD)));
            assertEquals(List.of(), server.listener().authAttempts);
        }
    }

    @Test
    void mailBeforeTlsOrBeforeAuthIsRefusedWith530() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            client.command("EHLO client.example");
            assertEquals(SmtpReplies.TLS_REQUIRED.toString(), client.command("MAIL FROM:<a@example.com>"));
            client.startTls();
            client.command("EHLO client.example");
            assertEquals("530 5.7.0 Authentication required", client.command("MAIL FROM:<a@example.com>"));
            assertEquals(List.of(), server.listener().mailCalls);
        }
    }

    @Test
    void authPlainWithAnInitialResponseLogsInAndLaterCallsCarryThePrincipal() throws IOException {
        try (RawSmtpClient client = server.connect()) {
            client.command("EHLO client.example");
            client.startTls();
            client.command("EHLO client.example");
            assertEquals(
                    "235 2.7.0 Authentication successful",
                    client.command("AUTH PLAIN "
                            + RawSmtpClient.plain(RecordingListener.USERNAME, RecordingListener.PASSWORD)));
            client.command("MAIL FROM:<a@example.com>");

            var session = server.listener().mailCalls.get(0).session();
            assertEquals(RecordingListener.PRINCIPAL, session.principal());
            assertTrue(session.tls());
            assertEquals("client.example", session.heloName());
            assertEquals("127.0.0.1", session.clientAddress());
        }
    }

    @Test
    void authPlainWithoutAnInitialResponseIsChallengedFirst() throws IOException {
        try (RawSmtpClient client = tlsClient()) {
            assertEquals("334 ", client.command("AUTH PLAIN"));
            assertEquals(
                    SmtpReplies.AUTH_OK.toString(),
                    client.command(RawSmtpClient.plain(RecordingListener.USERNAME, RecordingListener.PASSWORD)));
        }
    }

    @Test
    void authLoginAsksForUsernameThenPassword() throws IOException {
        try (RawSmtpClient client = tlsClient()) {
            assertEquals("334 VXNlcm5hbWU6", client.command("AUTH LOGIN"));
            assertEquals("334 UGFzc3dvcmQ6", client.command(RawSmtpClient.base64(RecordingListener.USERNAME)));
            assertEquals(
                    SmtpReplies.AUTH_OK.toString(), client.command(RawSmtpClient.base64(RecordingListener.PASSWORD)));
            assertEquals(
                    List.of(RecordingListener.USERNAME + ":" + RecordingListener.PASSWORD),
                    server.listener().authAttempts);
        }
    }

    @Test
    void aWrongPasswordIs535AndEachFurtherFailureIsAnsweredMoreSlowly() throws IOException {
        try (RawSmtpClient client = tlsClient()) {
            long start = System.nanoTime();
            assertEquals(
                    "535 5.7.8 Authentication credentials invalid",
                    client.command("AUTH PLAIN " + RawSmtpClient.plain(RecordingListener.USERNAME, "guess1")));
            long firstMillis = (System.nanoTime() - start) / 1_000_000;

            start = System.nanoTime();
            assertEquals(
                    SmtpReplies.AUTH_FAILED.toString(),
                    client.command("AUTH PLAIN " + RawSmtpClient.plain(RecordingListener.USERNAME, "guess2")));
            long secondMillis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(firstMillis >= 250, "first failure answered after " + firstMillis + " ms");
            assertTrue(secondMillis >= 500, "second failure answered after " + secondMillis + " ms");
        }
    }

    @Test
    void malformedBase64Is501() throws IOException {
        try (RawSmtpClient client = tlsClient()) {
            assertEquals(SmtpReplies.AUTH_MALFORMED.toString(), client.command("AUTH PLAIN not*base64!"));
        }
    }

    @Test
    void aStarCancelsTheExchange() throws IOException {
        try (RawSmtpClient client = tlsClient()) {
            client.command("AUTH LOGIN");
            assertEquals(SmtpReplies.AUTH_CANCELLED.toString(), client.command("*"));
            assertEquals(List.of(), server.listener().authAttempts);
        }
    }

    @Test
    void aSecondAuthAfterSuccessIs503() throws IOException {
        try (RawSmtpClient client = server.connectAuthenticated()) {
            assertEquals(
                    SmtpReplies.BAD_SEQUENCE_ALREADY_AUTHENTICATED.toString(),
                    client.command("AUTH PLAIN "
                            + RawSmtpClient.plain(RecordingListener.USERNAME, RecordingListener.PASSWORD)));
        }
    }

    @Test
    void anUnofferedMechanismIs504() throws IOException {
        try (RawSmtpClient client = tlsClient()) {
            assertEquals(SmtpReplies.AUTH_MECHANISM_UNSUPPORTED.toString(), client.command("AUTH CRAM-MD5"));
        }
    }

    @Test
    void actingAsAnotherUserThroughAnAuthzidIsRefused() throws IOException {
        try (RawSmtpClient client = tlsClient()) {
            String message =
                    RawSmtpClient.base64("bob\0" + RecordingListener.USERNAME + "\0" + RecordingListener.PASSWORD);
            assertEquals(SmtpReplies.AUTH_FAILED.toString(), client.command("AUTH PLAIN " + message));
        }
    }

    private RawSmtpClient tlsClient() throws IOException {
        RawSmtpClient client = server.connect();
        client.command("EHLO client.example");
        client.startTls();
        client.command("EHLO client.example");
        return client;
    }
}
