package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, item 16: the server's data directory (journal, database, TLS key) on a 128 MiB tmpfs that fills up
 * with queued mail. While it is full, DATA is answered 452 4.3.1 at once, never 250 for a message that was not
 * stored; once space is freed, mail is accepted again without a restart, and every message that got 250 arrives.
 * Mounting needs root (CI runs as root on this machine): as another user the test is skipped, saying so.
 */
class DiskFullIT {

    private static final long MIB = 1024 * 1024;
    private static final int DISK_MIB = 128;
    private static final int RESERVE_MIB = 64;
    /** The smarthost defers mail to this address while the disk fills, so queued mail is what fills it. */
    private static final String HELD = "held@example.net";

    private static Tmpfs disk;
    private static SinkServer sink;
    private static PostageServer server;

    @BeforeAll
    static void start() {
        assumeTrue(
                Tmpfs.canMount(),
                "DiskFullIT skipped: it mounts a tmpfs as the server's data directory, which needs root");
        disk = Tmpfs.mount(DISK_MIB);
        sink = new SinkServer(FreePorts.next()).start();
        server = new PostageServer("diskfull", sink.port())
                .withDataDirectoryIn(disk.path())
                .with("POSTAGE_DISK_RESERVE_MB", Integer.toString(RESERVE_MIB))
                // Deferred mail waits in the journal; no retry rewrites it while the test fills the disk.
                .with("POSTAGE_RETRY_FIRST_DELAY_SECONDS", "10")
                .with("POSTAGE_RETRY_MAX_DELAY_SECONDS", "10")
                .start();
    }

    @AfterAll
    static void stop() {
        try {
            PostageServer.stopAll(server, sink);
        } finally {
            if (disk != null) {
                disk.close();
            }
        }
    }

    @Test
    void dataIsRefusedWhileTheDiskIsFullAndEverythingAcknowledgedArrivesOnceSpaceIsFreed() throws Exception {
        long account = server.admin().accountSendingAs("Disk", "cms@example.com");
        server.admin().setLimits(account, 0, 0);
        AdminClient.Credential sender = server.admin().issueCredential(account);
        sink.answer(HELD, "451 4.3.0 Try again later");

        // Leave the reserve and 16 MiB, then send until the queued mail has taken that too.
        Path filler = disk.fillLeaving((RESERVE_MIB + 16) * MIB);
        List<String> acknowledged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (RawSmtp smtp = RawSmtp.authenticated(server.smtpPort(), sender)) {
            String refusal = null;
            for (int i = 0; i < 400 && refusal == null; i++) {
                String marker = "queued-" + i + "-" + System.nanoTime();
                String reply = send(smtp, marker);
                if (reply.startsWith("250")) {
                    acknowledged.add(marker);
                } else {
                    refusal = reply;
                    refused.add(marker);
                }
            }
            assertNotNull(
                    refusal, acknowledged.size() + " messages accepted, and " + disk.usableBytes() + " bytes free");
            assertTrue(refusal.startsWith("452 4.3.1") || refusal.startsWith("451 4.3.0"), refusal);
            assertTrue(acknowledged.size() >= 5, "queued mail filled the disk: " + acknowledged.size() + " messages");
            System.out.printf(
                    "DiskFullIT: %d messages accepted, then '%s' with %d MiB free%n",
                    acknowledged.size(), refusal, disk.usableBytes() / MIB);

            // While the disk is full every message is refused, at once, and the rest of the server works.
            for (int i = 0; i < 3; i++) {
                String marker = "refused-" + i + "-" + System.nanoTime();
                assertEquals("452 4.3.1 Insufficient system storage, try again later", send(smtp, marker));
                refused.add(marker);
            }
            assertEquals(
                    200, server.admin().get("/api/admin/accounts/" + account).status());
        }

        // Space is freed and the smarthost takes mail again: no restart, mail is accepted within seconds.
        Files.delete(filler);
        sink.accept(HELD);
        String afterwards = null;
        Instant deadline = Instant.now().plusSeconds(20);
        try (RawSmtp smtp = RawSmtp.authenticated(server.smtpPort(), sender)) {
            while (afterwards == null && Instant.now().isBefore(deadline)) {
                String marker = "afterwards-" + System.nanoTime();
                if (send(smtp, marker).startsWith("250")) {
                    afterwards = marker;
                } else {
                    refused.add(marker);
                    PostageServer.sleep(200);
                }
            }
        }
        assertNotNull(afterwards, "mail accepted again once space was freed; " + disk.usableBytes() + " bytes free");
        acknowledged.add(afterwards);

        Set<String> missing = Eventually.await(
                "every message that got 250 at the smarthost",
                Duration.ofSeconds(60),
                () -> {
                    Set<String> m = new HashSet<>(acknowledged);
                    sink.deliveries().forEach(d -> m.removeIf(marker -> d.text().contains(marker)));
                    return m;
                },
                Set::isEmpty);
        assertTrue(missing.isEmpty(), "lost: " + missing);
        for (String marker : refused) {
            assertEquals(List.of(), sink.containing(marker), "a refused message was stored after all: " + marker);
        }

        String log = Files.readString(server.log(), StandardCharsets.ISO_8859_1);
        assertFalse(log.contains("AMQ222010"), "the broker met a failed write (Critical IO Error)");
        assertFalse(log.contains("WFLYSRV0028"), "the deployment was stopped");
        assertTrue(log.contains("AMQ224130"), "the broker's own floor (min-disk-free) is set");
        assertTrue(log.contains("Disk nearly full") && log.contains("Disk space back"), "both are logged");
    }

    /** One message of 256 KiB to {@link #HELD} on an authenticated session; answers the reply to its end of DATA. */
    private static String send(RawSmtp smtp, String marker) throws IOException {
        expect("250", smtp.command("MAIL FROM:<cms@example.com>"));
        expect("250", smtp.command("RCPT TO:<" + HELD + ">"));
        expect("354", smtp.command("DATA"));
        StringBuilder m = new StringBuilder()
                .append("From: cms@example.com\r\nTo: " + HELD + "\r\nSubject: " + marker + "\r\n")
                .append("Content-Type: text/html; charset=UTF-8\r\n\r\n<p>")
                .append(marker)
                .append("</p>\r\n");
        String line = "<p>" + "x".repeat(70) + "</p>\r\n";
        while (m.length() < 256 * 1024) {
            m.append(line);
        }
        smtp.write(m.append(".\r\n").toString());
        try {
            return smtp.reply();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no reply to the end of DATA within 30 s: the server hangs on a full disk", e);
        }
    }

    private static void expect(String code, String reply) {
        if (!reply.startsWith(code)) {
            throw new AssertionError("expected " + code + ": " + reply);
        }
    }
}
