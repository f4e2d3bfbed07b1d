package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The smarthost is down when the message is accepted: it is deferred, retried with backoff, then delivered. */
class RelayRetryIT {

    private static final int RELAY_PORT = FreePorts.next();
    private static PostageServer server;
    private static long account;

    @BeforeAll
    static void start() {
        server = new PostageServer("relay-retry", RELAY_PORT).start();
        // One account for both tests: a sending domain belongs to one account only.
        account = server.admin().accountSendingAs("ERP", "erp@example.com");
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server);
    }

    @Test
    void aMessageIsDeferredWhileTheRelayIsDownAndDeliveredWhenItComesBack() throws Exception {
        AdminClient admin = server.admin();
        AdminClient.Credential sender = admin.issueCredential(account);
        String marker = UUID.randomUUID().toString();
        MimeMessage m = new MimeMessage(Smtp.session(server.smtpPort()));
        m.setFrom("erp@example.com");
        m.setRecipients(RecipientType.TO, "later@example.net");
        m.setSubject("Retry " + marker);
        m.setText("<p>" + marker + "</p>", "UTF-8", "html");

        String reply = Smtp.send(server.smtpPort(), sender, m);
        assertTrue(reply.startsWith("250 2.0.0"), reply);
        String id = Smtp.queueId(reply);

        JsonObject deferred = Eventually.await(
                        "the message deferred",
                        Duration.ofSeconds(30),
                        () -> admin.message(id),
                        a -> a.status() == 200 && a.json().getString("state").equals("deferred"))
                .json();
        JsonObject r = deferred.getJsonArray("messages").getJsonObject(0);
        assertTrue(r.getString("last_reply").contains("unreachable"), r.toString());

        // Several attempts fail while the relay stays down (first delay 1 s, then 2 s).
        Eventually.await(
                "a second failed attempt",
                Duration.ofSeconds(30),
                () -> admin.message(id),
                a -> a.json().getJsonArray("messages").getJsonObject(0).getInt("attempts") >= 2);

        try (SinkServer sink = new SinkServer(RELAY_PORT).start()) {
            Eventually.await(
                    "delivery once the relay is back",
                    Duration.ofSeconds(30),
                    () -> sink.containing(marker),
                    l -> !l.isEmpty());
            JsonObject sent = Eventually.await(
                            "state sent",
                            Duration.ofSeconds(10),
                            () -> admin.message(id),
                            a -> a.json().getString("state").equals("sent"))
                    .json();
            assertTrue(sent.getJsonArray("messages").getJsonObject(0).getInt("attempts") >= 3);
            PostageServer.sleep(3000);
            assertEquals(1, sink.containing(marker).size(), "delivered once");
        }
    }

    @Test
    void aTemporaryRefusalIsRetriedUntilAccepted() throws Exception {
        AdminClient admin = server.admin();
        AdminClient.Credential sender = admin.issueCredential(account);
        String marker = UUID.randomUUID().toString();
        try (SinkServer sink = new SinkServer(RELAY_PORT)
                .answer("grey@example.net", "451 4.7.1 Greylisted, come back later")
                .start()) {
            MimeMessage m = new MimeMessage(Smtp.session(server.smtpPort()));
            m.setFrom("erp@example.com");
            m.setRecipients(RecipientType.TO, "grey@example.net");
            m.setSubject("Grey " + marker);
            m.setText("<p>" + marker + "</p>", "UTF-8", "html");
            String id = Smtp.queueId(Smtp.send(server.smtpPort(), sender, m));
            JsonObject deferred = Eventually.await(
                            "deferred with the relay's reply",
                            Duration.ofSeconds(30),
                            () -> admin.message(id),
                            a -> a.status() == 200
                                    && a.json().getString("state").equals("deferred"))
                    .json();
            assertTrue(
                    deferred.getJsonArray("messages")
                            .getJsonObject(0)
                            .getString("last_reply")
                            .contains("451"),
                    deferred.toString());
        }
        try (SinkServer sink = new SinkServer(RELAY_PORT).start()) {
            Eventually.await(
                    "delivery after the greylisting",
                    Duration.ofSeconds(30),
                    () -> sink.containing(marker),
                    l -> !l.isEmpty());
        }
    }
}
