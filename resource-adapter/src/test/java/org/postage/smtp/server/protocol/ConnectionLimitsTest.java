package org.postage.smtp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postage.api.SmtpReplies;
import org.postage.smtp.testing.RawSmtpClient;
import org.postage.smtp.testing.SmtpTestServer;

class ConnectionLimitsTest {

    @RegisterExtension
    final SmtpTestServer server = new SmtpTestServer()
            .maxConnections(250)
            .idleTimeout(Duration.ofMillis(1500))
            .stopGrace(Duration.ofMillis(500));

    @Test
    void anIdleClientIsToldWith421AndDisconnected() throws Exception {
        try (RawSmtpClient client = server.connect()) {
            long start = System.nanoTime();
            assertEquals("421 4.4.2 Idle timeout, closing connection", client.readReply());
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 1000, "timed out after " + waited + " ms");
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void twoHundredIdleConnectionsDoNotKeepAnotherClientFromSending() throws Exception {
        List<RawSmtpClient> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                idle.add(server.connect()); // each has its greeting: a session thread is serving it
            }
            try (RawSmtpClient sender = server.connectAuthenticated()) {
                sender.command("MAIL FROM:<a@example.com>");
                sender.command("RCPT TO:<b@example.com>");
                sender.command("DATA");
                assertEquals("250 2.0.0 Ok: queued as Q1", sender.command("Subject: busy\r\n\r\nstill works\r\n."));
            }
        } finally {
            for (RawSmtpClient client : idle) {
                client.close();
            }
        }
    }

    @Test
    void stoppingTheServerDoesNotWaitForeverOnAHungListenerCall() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        server.listener().duringData = () -> {
            entered.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (RawSmtpClient client = server.connectAuthenticated()) {
            client.command("MAIL FROM:<a@example.com>");
            client.command("RCPT TO:<b@example.com>");
            client.command("DATA");
            client.write("Subject: hang\r\n\r\nbody\r\n.\r\n");
            assertTrue(entered.await(5, TimeUnit.SECONDS));

            long start = System.nanoTime();
            server.stop();
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(stopMillis < 3000, "stop took " + stopMillis + " ms");
        }
    }

    @Test
    void connectionsBeyondTheLimitAreToldToComeBackLater() throws Exception {
        // Fill every slot, then one more.
        List<RawSmtpClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                clients.add(server.connect());
            }
            try (RawSmtpClient extra = server.connect()) {
                assertEquals(SmtpReplies.TOO_MANY_CONNECTIONS.toString(), extra.greeting());
            }
        } finally {
            for (RawSmtpClient client : clients) {
                client.close();
            }
        }
    }
}
