package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while a batch is being accepted loses nothing that got 250: after a restart, every such
 * message reaches the smarthost (duplicates are allowed for what was in flight).
 */
class CrashIT {

    private static SinkServer sink;
    private static PostageServer server;

    @BeforeAll
    static void start() {
        sink = new SinkServer(FreePorts.next()).start();
        server = new PostageServer("crash", sink.port()).start();
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server, sink);
    }

    @Test
    void everyAcknowledgedMessageArrivesAfterKillNine() throws Exception {
        long account = server.admin().accountSendingAs("Crash", "cms@example.com");
        server.admin().setLimits(account, 0, 0); // hundreds of messages to one recipient, like the bench
        AdminClient.Credential sender = server.admin().issueCredential(account);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> sendUntilStopped(client, sender, acknowledged, sending));
        }
        Eventually.await("a batch under way", Duration.ofSeconds(60), acknowledged::size, n -> n >= 200);
        server.kill();
        int acknowledgedBeforeKill = acknowledged.size();
        sending.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));

        server.start();
        Set<String> missing = Eventually.await(
                "every acknowledged message at the sink",
                Duration.ofSeconds(200),
                () -> {
                    Set<String> m = new HashSet<>(acknowledged);
                    sink.deliveries().forEach(d -> m.removeIf(id -> d.text().contains(id)));
                    return m;
                },
                Set::isEmpty);
        assertTrue(missing.isEmpty(), "lost: " + missing);
        assertTrue(acknowledgedBeforeKill >= 200, "the kill came mid-batch");
    }

    /** One connection per client, messages back to back; a marker per message, recorded only on 250. */
    private static void sendUntilStopped(
            int client, AdminClient.Credential sender, Set<String> acknowledged, AtomicBoolean sending) {
        Session session = Smtp.session(server.smtpPort());
        int seq = 0;
        while (sending.get()) {
            try (Transport t = session.getTransport("smtp")) {
                t.connect(sender.username(), sender.password());
                while (sending.get()) {
                    String marker = "crash-" + client + "-" + (seq++) + "-" + System.nanoTime();
                    MimeMessage m = new MimeMessage(session);
                    m.setFrom("cms@example.com");
                    m.setRecipients(RecipientType.TO, "reader@example.net");
                    m.setSubject(marker);
                    m.setText("<p>" + marker + "</p>" + "<p>filler</p>".repeat(200), "UTF-8", "html");
                    t.sendMessage(m, new InternetAddress[] {new InternetAddress("reader@example.net")});
                    acknowledged.add(marker); // only reached when the server answered 250 to DATA
                }
            } catch (Exception e) {
                PostageServer.sleep(100); // the server is down: the client reconnects, as a legacy app would
            }
        }
    }
}
