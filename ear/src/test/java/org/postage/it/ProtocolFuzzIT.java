package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bounded protocol fuzz test: {@link SmtpFuzzer} against one server for three rounds (60 s of fuzzing in all;
 * {@code -Dpostage.fuzz.minutes=N} for longer, as {@code bench/fuzz.sh} runs it), then the server must still be
 * whole. Every reply line well-formed; no SMTP session left running once the clients are gone, and no more threads
 * after the third round than after the first; no growth of the heap used after a full GC from the first round to
 * the third; and a normal message is still delivered to the sink. The seed is printed; {@code -Dpostage.fuzz.seed}
 * replays it.
 */
class ProtocolFuzzIT {

    private static final int ROUNDS = 3;
    private static final int CLIENTS = 8;
    /**
     * Threads other than idle SMTP workers after the third round may exceed those after the first by this many:
     * pools that grow with load (Artemis, JCA, EJB, Undertow) can differ by about one thread per fuzzing client. A leak
     * tied to connections or commands grows with them: each round makes hundreds of connections. Idle SMTP workers
     * are counted apart: the session pool starts a thread for each new connection until it holds its maximum
     * (POSTAGE_SMTP_MAX_CONNECTIONS + 10), and each lives 60 s idle; bounded, but not a measure of leaks.
     */
    private static final int THREAD_SLACK = CLIENTS + 8;

    private static final String IDLE_SMTP_WORKER = "postage-smtp-#";
    /**
     * Growth of the heap used after a full GC from the first round to the third. What legitimately grows: H2's page
     * cache as the fuzz's accepted messages are recorded, Hibernate's and the lookup caches up to their bounds.
     * A leak of 4 KiB per connection (an SMTP session's buffers, a transaction's state) would exceed this over two
     * rounds of a few thousand connections.
     */
    private static final long HEAP_GROWTH_BOUND_KIB = 24 * 1024;

    private static SinkServer sink;
    private static PostageServer server;
    private static AdminClient admin;
    private static AdminClient.Credential credential;

    @BeforeAll
    static void start() {
        sink = new SinkServer(FreePorts.next()).start();
        // A short idle timeout: the fuzzer's stalls and hang-ups are answered within seconds, not minutes.
        server = new PostageServer("fuzz", sink.port())
                .with("POSTAGE_SMTP_IDLE_TIMEOUT_SECONDS", "5")
                .start();
        admin = server.admin();
        long account = admin.accountSendingAs("Fuzz", "shop@fuzz.example");
        admin.setLimits(account, 30, 300);
        credential = admin.issueCredential(account);
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server, sink);
    }

    @Test
    void randomAndMutatedSmtpGetsWellFormedRepliesAndLeavesTheServerWhole() throws Exception {
        long seed = Long.getLong("postage.fuzz.seed", new SecureRandom().nextLong());
        double minutes = Double.parseDouble(System.getProperty("postage.fuzz.minutes", "1"));
        Duration round = Duration.ofMillis((long) (minutes * 60_000 / ROUNDS));
        System.out.println("FUZZ seed=" + seed + " (replay with -Dpostage.fuzz.seed=" + seed + ") minutes=" + minutes
                + " rounds=" + ROUNDS + " clients=" + CLIENTS);
        SmtpFuzzer fuzzer = new SmtpFuzzer(
                new SmtpFuzzer.Target(server.smtpPort(), "postage.test", credential, "shop@fuzz.example"),
                seed,
                CLIENTS);
        ServerJvm jvm = new ServerJvm(server.pid());
        int threadsBefore = jvm.liveThreads();
        long heapBefore = jvm.usedHeapAfterGcKiB();
        System.out.println("FUZZ before: threads=" + threadsBefore + " heapAfterGcKiB=" + heapBefore + " threadsByName="
                + top(jvm.threadsByName()));

        SmtpFuzzer.Stats total = new SmtpFuzzer.Stats();
        List<Integer> threads = new ArrayList<>();
        List<Long> heap = new ArrayList<>();
        Instant started = Instant.now();
        for (int i = 1; i <= ROUNDS; i++) {
            SmtpFuzzer.Stats stats = fuzzer.run(round, i);
            stats.addTo(total);
            int running = awaitNoSessions(jvm);
            assertEquals(0, running, "SMTP sessions still running 30 s after round " + i + "'s clients left");
            int live = jvm.liveThreads();
            Map<String, Integer> byName = jvm.threadsByName();
            int idleSmtp = byName.getOrDefault(IDLE_SMTP_WORKER, 0);
            threads.add(live - idleSmtp);
            heap.add(jvm.usedHeapAfterGcKiB());
            System.out.println("FUZZ round " + i + ": " + stats.summary() + " threads=" + live + " (idle SMTP workers "
                    + idleSmtp + ", others " + (live - idleSmtp) + ") heapAfterGcKiB=" + heap.get(i - 1)
                    + " threadsByName=" + top(byName));
        }
        System.out.println("FUZZ total: " + total.summary() + " in " + Duration.between(started, Instant.now()));
        System.out.println("FUZZ replies by code: " + total.byCode());
        total.malformed.forEach(m -> System.out.println("FUZZ malformed: " + m));

        assertTrue(
                total.connections.sum() > 100 && total.authenticated.sum() > 0 && total.messages.sum() > 0,
                "the fuzzer got going, into authenticated sessions and DATA: " + total.summary());
        assertEquals(0, total.malformedCount.get(), "malformed replies:\n" + String.join("\n", total.malformed));
        assertTrue(
                threads.get(ROUNDS - 1) <= threads.get(0) + THREAD_SLACK,
                "threads but idle SMTP workers after each round " + threads + " (all threads before: " + threadsBefore
                        + ")");
        long growth = heap.get(ROUNDS - 1) - heap.get(0);
        assertTrue(
                growth <= HEAP_GROWTH_BOUND_KIB,
                "heap used after GC grew by " + growth + " KiB from round 1 to " + ROUNDS + ": " + heap);

        String marker = UUID.randomUUID().toString();
        MimeMessage message = new MimeMessage(Smtp.session(server.smtpPort()));
        message.setFrom(new InternetAddress("shop@fuzz.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("after-fuzz@example.net"));
        message.setSubject("After the fuzz " + marker);
        message.setContent("<p>Still here " + marker + "</p>", "text/html; charset=UTF-8");
        String reply = Smtp.send(server.smtpPort(), credential, message);
        assertTrue(reply.startsWith("250 2.0.0"), reply);
        Eventually.await(
                "the normal message at the sink",
                Duration.ofMinutes(3),
                () -> sink.containing(marker),
                found -> !found.isEmpty());
    }

    private static String top(Map<String, Integer> byName) {
        return byName.entrySet().stream().limit(8).map(Object::toString).collect(Collectors.joining(", ", "{", "}"));
    }

    /** Waits up to 30 s for the sessions the server still runs (an idle timeout is 5 s); answers how many are left. */
    private static int awaitNoSessions(ServerJvm jvm) {
        Instant deadline = Instant.now().plusSeconds(30);
        int running = jvm.sessionThreads();
        while (running > 0 && Instant.now().isBefore(deadline)) {
            PostageServer.sleep(500);
            running = jvm.sessionThreads();
        }
        return running;
    }
}
