package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The submission rules of the Flexmail specification over SMTP: a message that breaks one is accepted (250), not
 * delivered, recorded as rejected with the reason, and reported to the envelope sender in an RFC 3464 NDR.
 */
class SubmissionRulesIT {

    private static SinkServer sink;
    private static PostageServer server;
    private static AdminClient admin;
    private static AdminClient.Credential sender;
    private static long account;

    @BeforeAll
    static void start() {
        sink = new SinkServer(FreePorts.next()).start();
        server = new PostageServer("rules", sink.port()).start();
        admin = server.admin();
        account = admin.accountSendingAs("Rules", "shop@example.com");
        admin.setLimits(account, 0, 0); // these tests send many messages to one reader
        admin.addVerifiedSender(account, "erp@example.com");
        sender = admin.issueCredential(account);
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server, sink);
    }

    @Test
    void aTextOnlyMessageIsRejectedAndTheEnvelopeSenderGetsAnNdr() throws Exception {
        String marker = UUID.randomUUID().toString();
        String id = submit(
                "cms-" + marker + "@example.com",
                message("Content-Type: text/plain; charset=us-ascii", "Plain " + marker, "Only text " + marker));

        JsonObject rejected = awaitFinal(id);
        assertEquals("rejected", rejected.getString("state"));
        assertTrue(rejected.getString("rejection_reason").toLowerCase().contains("html"), rejected.toString());
        assertEquals(
                "rejected", rejected.getJsonArray("messages").getJsonObject(0).getString("state"));

        SinkServer.Delivery ndr = Eventually.await(
                        "the NDR at the sink",
                        Duration.ofSeconds(30),
                        () -> sink.deliveries().stream()
                                .filter(d -> d.recipients().contains("cms-" + marker + "@example.com"))
                                .toList(),
                        l -> !l.isEmpty())
                .get(0);
        assertEquals("", ndr.envelopeSender() == null ? "" : ndr.envelopeSender(), "reports come from the null sender");
        MimeMessage report = new MimeMessage(null, new ByteArrayInputStream(ndr.content()));
        assertTrue(report.getContentType().toLowerCase().contains("multipart/report"), report.getContentType());
        assertTrue(
                report.getContentType().toLowerCase().contains("report-type=delivery-status"), report.getContentType());
        MimeMultipart parts = (MimeMultipart) report.getContent();
        assertEquals(3, parts.getCount());
        String human = new String(parts.getBodyPart(0).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(human.contains(id), "the human part names the queue id: " + human);
        assertTrue(human.toLowerCase().contains("html"), "and the rule: " + human);
        String status = new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(status.contains("Action: failed"), status);
        assertTrue(status.contains("Status: 5.6.0"), status);
        assertTrue(status.contains("Final-Recipient: rfc822; reader@example.net"), status);
        assertTrue(
                new String(ndr.content(), StandardCharsets.US_ASCII).contains("Plain " + marker),
                "the original headers are quoted");
        assertTrue(
                sink.containing("Only text " + marker).stream()
                        .noneMatch(d -> d.recipients().contains("reader@example.net")),
                "the rejected message itself is never delivered");
    }

    @Test
    void noNdrIsSentForAReportNorToTheNullSender() throws Exception {
        String marker = UUID.randomUUID().toString();
        // A bounce that is itself text-only: rejected, but answering it would start a loop.
        String fromReport = submit(
                "bounces-" + marker + "@example.com",
                message(
                        "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
                        "Report " + marker,
                        "--b\r\nContent-Type: text/plain\r\n\r\nbounce\r\n--b--"));
        String fromNull = submit("", message("Content-Type: text/plain", "Null " + marker, "null sender " + marker));
        assertEquals("rejected", awaitFinal(fromReport).getString("state"));
        assertEquals("rejected", awaitFinal(fromNull).getString("state"));
        PostageServer.sleep(3000);
        assertTrue(sink.deliveries().stream().noneMatch(d -> d.text().contains(marker)), "no report, no loop");
    }

    @Test
    void eachHeaderRuleIsCheckedWithItsBoundaries() throws Exception {
        assertAccepted("X-Flexmail-Tag: " + "a".repeat(50));
        assertRejected("X-Flexmail-Tag: " + "a".repeat(51), "X-Flexmail-Tag");
        assertRejected("X-Flexmail-Tag: OrderConfirmation", "X-Flexmail-Tag");
        assertAccepted("X-Flexmail-Metadata-k: v");
        assertAccepted("X-Flexmail-Metadata-customer_id: " + "v".repeat(80));
        assertRejected("X-Flexmail-Metadata-customer_id: " + "v".repeat(81), "customer_id");
        assertRejected("X-Flexmail-Metadata-Customer-Id: C-789", "Customer-Id");
        assertAccepted("X-Flexmail-Metadata-CustomerId: C-789"); // header names have no case: the key is customerid
        assertAccepted("x-flexmail-open-tracking: TRUE");
        assertRejected("X-Flexmail-Link-Tracking: yes", "X-Flexmail-Link-Tracking");
    }

    @Test
    void inlinePartsAndNonBase64AttachmentsAreRejected() throws Exception {
        assertRejectedBody(
                "Content-Type: multipart/related; boundary=r",
                "--r\r\nContent-Type: text/html\r\n\r\n<img src=\"cid:logo\">\r\n"
                        + "--r\r\nContent-Type: image/png\r\nContent-ID:"
                        + " <logo>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--r--",
                "inline");
        assertRejectedBody(
                "Content-Type: multipart/mixed; boundary=m",
                "--m\r\nContent-Type: text/html\r\n\r\n<p>see attached</p>\r\n"
                        + "--m\r\nContent-Type: text/plain; name=notes.txt\r\nContent-Disposition:"
                        + " attachment; filename=notes.txt\r\n"
                        + "Content-Transfer-Encoding: 7bit\r\n\r\nnotes\r\n--m--",
                "base64");
        // An image in multipart/mixed is inline when its disposition says so, or when the HTML shows it by cid:.
        assertRejectedBody(
                "Content-Type: multipart/mixed; boundary=i",
                "--i\r\nContent-Type: text/html\r\n\r\n<p>logo below</p>\r\n"
                        + "--i\r\nContent-Type: image/png\r\nContent-Disposition: inline; filename=logo.png\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--i--",
                "content-disposition: inline");
        assertRejectedBody(
                "Content-Type: multipart/mixed; boundary=c",
                "--c\r\nContent-Type: text/html\r\n\r\n<img src=\"cid:logo@shop\">\r\n"
                        + "--c\r\nContent-Type: image/png; name=logo.png\r\nContent-Disposition:"
                        + " attachment; filename=logo.png\r\n"
                        + "Content-ID: <logo@shop>\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--c--",
                "cid:logo@shop");
    }

    @Test
    void aCredentialSetToRefuseInSessionGets550WithTheReasonAtTheEndOfData() throws Exception {
        AdminClient.Credential strict = admin.issueCredential(account);
        AdminClient.Answer bad =
                admin.send("PATCH", "/api/admin/smtp-credentials/" + strict.username(), "{\"refuse_in_session\": 1}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals(
                204,
                admin.send("PATCH", "/api/admin/smtp-credentials/" + strict.username(), "{\"refuse_in_session\": true}")
                        .status());
        String marker = UUID.randomUUID().toString();
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), strict)) {
            assertTrue(s.command("MAIL FROM:<erp@example.com>").startsWith("250"));
            assertTrue(s.command("RCPT TO:<reader@example.net>").startsWith("250"));
            assertTrue(s.command("DATA").startsWith("354"));
            String reply = s.command(message("Content-Type: text/plain", "Strict " + marker, "text only") + ".");
            assertTrue(reply.startsWith("550 5.6.0"), reply);
            assertTrue(reply.toLowerCase().contains("html"), "the reason names the rule: " + reply);
            // The session goes on, and a good message from the same client is accepted.
            assertTrue(s.command("MAIL FROM:<erp@example.com>").startsWith("250"));
            assertTrue(s.command("RCPT TO:<reader@example.net>").startsWith("250"));
            assertTrue(s.command("DATA").startsWith("354"));
            assertTrue(s.command(message("Content-Type: text/html", "Fine " + marker, "<p>fine</p>") + ".")
                    .startsWith("250 2.0.0"));
        }
        PostageServer.sleep(2000);
        assertTrue(
                sink.deliveries().stream().noneMatch(d -> d.text().contains("Strict " + marker)),
                "nothing relayed, no NDR");
    }

    @Test
    void aRecipientOverItsRateLimitIsDeferredAtRcptUntilTheWindowEnds() throws Exception {
        long account = admin.createAccount("Limited");
        assertEquals(
                400,
                admin.send(
                                "PUT",
                                "/api/admin/accounts/" + account + "/limits",
                                "{\"per_recipient_per_minute\": -1, \"per_recipient_per_hour\": 0}")
                        .status());
        assertEquals(
                400,
                admin.send("PUT", "/api/admin/accounts/" + account + "/limits", "{\"per_recipient_per_minute\": 2}")
                        .status());
        assertEquals(
                400,
                admin.send(
                                "PUT",
                                "/api/admin/accounts/" + account + "/limits",
                                "{\"per_recipient_per_minute\": 18446744073709551621, \"per_recipient_per_hour\": 0}")
                        .status(),
                "2^64 + 5 must not wrap around to 5");
        admin.setLimits(account, 2, 0);
        assertEquals(2, admin.get("/api/admin/accounts/" + account).json().getInt("per_recipient_per_minute"));
        admin.addVerifiedSender(account, "shop@example.com");
        AdminClient.Credential limited = admin.issueCredential(account);
        // Start early in a minute, so that the three attempts fall in one window.
        long second = java.time.Instant.now().getEpochSecond() % 60;
        if (second > 40) {
            PostageServer.sleep((61 - second) * 1000);
        }
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), limited)) {
            for (int i = 0; i < 2; i++) {
                // Only accepted mail uses quota (a RSET gives the count back): two messages answered 250.
                assertTrue(s.command("MAIL FROM:<shop@example.com>").startsWith("250"));
                assertTrue(s.command("RCPT TO:<Popular@example.net>").startsWith("250"));
                assertTrue(s.command("DATA").startsWith("354"));
                String queued = s.command(message("Content-Type: text/html", "Popular " + i, "<p>Hello</p>") + ".");
                assertTrue(queued.startsWith("250 2.0.0"), queued);
            }
            assertTrue(s.command("MAIL FROM:<shop@example.com>").startsWith("250"));
            String third = s.command("RCPT TO:<popular@example.net>");
            assertTrue(third.startsWith("450 4.7.1"), third);
            assertTrue(third.contains("limit 2 per minute"), third);
            assertTrue(
                    s.command("RCPT TO:<someone-else@example.net>").startsWith("250"),
                    "other recipients are not limited");
            assertTrue(s.command("RSET").startsWith("250"));

            long wait = 61 - java.time.Instant.now().getEpochSecond() % 60;
            PostageServer.sleep(wait * 1000);
            assertTrue(s.command("MAIL FROM:<shop@example.com>").startsWith("250"));
            String after = s.command("RCPT TO:<popular@example.net>");
            assertTrue(after.startsWith("250"), "a new minute, a new window: " + after);
        }
    }

    /**
     * Only accepted mail uses quota. The broker refuses a message (the submission queue's address full, its
     * consumers paused: what a broker out of room does) and DATA is answered 451; the client retries on a new
     * connection and is accepted, not refused 450 4.7.1. Two messages per hour allowed: the first fills the queue, the
     * second fails, its retry is the account's second message to the reader, and a third is over the limit.
     */
    @Test
    void aClientRetryingAfterA451AtDataIsNotRefused450() throws Exception {
        long account = admin.accountSendingAs("Retrying", "shop@retry.example");
        admin.setLimits(account, 0, 2);
        AdminClient.Credential retrying = admin.issueCredential(account);
        String reader = "retry-" + UUID.randomUUID() + "@example.net";
        long secondOfHour = Instant.now().getEpochSecond() % 3600;
        if (secondOfHour > 3480) { // all in one hour window
            PostageServer.sleep((3601 - secondOfHour) * 1000);
        }
        String messaging = "/subsystem=messaging-activemq/server=default";
        String submissions = messaging + "/runtime-queue=jms.queue.postage.submissions";
        server.cli(
                messaging + "/address-setting=jms.queue.postage.submissions:add(max-size-bytes=1,"
                        + "address-full-policy=FAIL)",
                submissions + ":pause");
        String refused;
        try {
            assertTrue(send(retrying, reader, "first").startsWith("250 2.0.0"), "the first fills the queue");
            refused = send(retrying, reader, "second");
        } finally {
            server.cli(submissions + ":resume", messaging + "/address-setting=jms.queue.postage.submissions:remove");
        }
        assertTrue(refused.startsWith("451 4.3.0"), refused);

        String retried = send(retrying, reader, "second, again");
        assertTrue(retried.startsWith("250 2.0.0"), "the 451 gave the count back: " + retried);
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), retrying)) {
            assertTrue(s.command("MAIL FROM:<shop@retry.example>").startsWith("250"));
            String third = s.command("RCPT TO:<" + reader + ">");
            assertTrue(third.startsWith("450 4.7.1"), "two accepted messages used the quota: " + third);
        }
    }

    /** One message from shop@retry.example to the reader on a connection of its own: the reply to RCPT or DATA. */
    private static String send(AdminClient.Credential credential, String reader, String subject) throws Exception {
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), credential)) {
            assertTrue(s.command("MAIL FROM:<shop@retry.example>").startsWith("250"));
            String rcpt = s.command("RCPT TO:<" + reader + ">");
            if (!rcpt.startsWith("250")) {
                return rcpt;
            }
            assertTrue(s.command("DATA").startsWith("354"));
            return s.command(
                    message("From: Shop <shop@retry.example>", "Content-Type: text/html", subject, "<p>Hi</p>") + ".");
        }
    }

    /**
     * The first RCPTs of a window race to create its counter rows: 32 sessions of one account send RCPT to the same
     * fresh recipient at the same moment, round after round (a new recipient each round, so a new row race each
     * time), with the minute or the hour limit at 24. Every session must get 250 or 450 4.7.1, never 451, and
     * exactly 24 must get 250: fewer would mean a lost race or a count taken twice, more a count lost.
     */
    @Test
    void concurrentFirstRecipientsOfAWindowAreCountedExactlyAndNeverFail() throws Exception {
        int sessions = 32;
        int limit = 24;
        int rounds = 8;
        long account = admin.createAccount("Burst");
        admin.addVerifiedSender(account, "shop@example.com");
        AdminClient.Credential burst = admin.issueCredential(account);
        List<RawSmtp> open = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(sessions);
        StringBuilder results = new StringBuilder();
        int failures = 0;
        try {
            for (int i = 0; i < sessions; i++) {
                open.add(RawSmtp.authenticated(server.smtpPort(), burst));
            }
            for (int round = 0; round < rounds; round++) {
                boolean minuteIsTight = round % 2 == 0;
                admin.setLimits(account, minuteIsTight ? limit : 100_000, minuteIsTight ? 100_000 : limit);
                String recipient = "burst-" + round + "-" + UUID.randomUUID() + "@example.net";
                for (RawSmtp s : open) {
                    String mail = s.command("MAIL FROM:<shop@example.com>");
                    assertTrue(mail.startsWith("250"), mail);
                }
                // All RCPTs of a round in one minute (and so one hour) window: not in the last 10 s of a minute.
                long second = Instant.now().getEpochSecond() % 60;
                if (second >= 50) {
                    PostageServer.sleep((61 - second) * 1000);
                }
                CyclicBarrier together = new CyclicBarrier(sessions);
                List<Future<String>> replies = new ArrayList<>();
                for (RawSmtp s : open) {
                    replies.add(threads.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return s.command("RCPT TO:<" + recipient + ">");
                    }));
                }
                Map<String, Long> byCode = new TreeMap<>();
                List<String> unexpected = new ArrayList<>();
                for (Future<String> f : replies) {
                    String reply = f.get(120, TimeUnit.SECONDS);
                    String code = reply.length() >= 9 ? reply.substring(0, 9) : reply;
                    byCode.merge(code.startsWith("250") ? "250" : code, 1L, Long::sum);
                    if (!code.startsWith("250") && !code.equals("450 4.7.1")) {
                        unexpected.add(reply);
                    }
                }
                boolean exact = unexpected.isEmpty()
                        && byCode.getOrDefault("250", 0L) == limit
                        && byCode.getOrDefault("450 4.7.1", 0L) == sessions - limit;
                failures += exact ? 0 : 1;
                results.append("\nround ")
                        .append(round)
                        .append(" (")
                        .append(minuteIsTight ? "minute" : "hour")
                        .append(" limit ")
                        .append(limit)
                        .append("): ")
                        .append(byCode)
                        .append(' ')
                        .append(unexpected);
                for (RawSmtp s : open) {
                    assertTrue(s.command("RSET").startsWith("250"));
                }
            }
            System.out.println("Concurrent first RCPTs, " + sessions + " sessions per round:" + results);
            assertEquals(
                    0,
                    failures,
                    "rounds with a reply other than exactly " + limit + " x 250 and " + (sessions - limit)
                            + " x 450 4.7.1:" + results + "\nserver log:\n" + rcptFailuresInLog());
        } finally {
            threads.shutdownNow();
            for (RawSmtp s : open) {
                s.close();
            }
        }
    }

    private static String rcptFailuresInLog() throws java.io.IOException {
        return java.nio.file.Files.readAllLines(server.log(), StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.contains("rcptTo()"))
                .limit(20)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void mailFromADomainTheAccountHasNotAddedIsRejectedWithAPolicyNdr() throws Exception {
        String marker = UUID.randomUUID().toString();
        String id = submit(
                "erp-" + marker + "@example.com",
                message("From: <news@stranger.example>", "Content-Type: text/html", "Stranger " + marker, "<p>hi</p>"));
        JsonObject rejected = awaitFinal(id);
        assertEquals("rejected", rejected.getString("state"));
        assertTrue(
                rejected.getString("rejection_reason")
                        .contains("stranger.example is not a sending domain of this account"),
                rejected.getString("rejection_reason"));
        SinkServer.Delivery ndr = Eventually.await(
                        "the NDR",
                        Duration.ofSeconds(30),
                        () -> sink.deliveries().stream()
                                .filter(d -> d.recipients().contains("erp-" + marker + "@example.com"))
                                .toList(),
                        l -> !l.isEmpty())
                .get(0);
        MimeMultipart parts =
                (MimeMultipart) new MimeMessage(null, new ByteArrayInputStream(ndr.content())).getContent();
        String human = new String(parts.getBodyPart(0).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(human.contains("domain.unauthenticated"), human);
        String status = new String(parts.getBodyPart(1).getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(status.contains("Status: 5.7.1"), "a policy refusal, not a content one: " + status);
        assertTrue(sink.containing("Stranger " + marker).stream()
                .noneMatch(d -> d.recipients().contains("reader@example.net")));
    }

    @Test
    void mailFromADomainWhoseDnsWasNotCheckedNamesTheRecordsToPublish() throws Exception {
        admin.addDomain(account, "unchecked.example", false);
        admin.addVerifiedSender(account, "shop@unchecked.example"); // so that only the domain is wrong
        String id = submit(
                "shop@example.com",
                message("From: <shop@Unchecked.Example>", "Content-Type: text/html", "x", "<p>x</p>"));
        JsonObject rejected = awaitFinal(id);
        assertEquals("rejected", rejected.getString("state"));
        assertTrue(
                rejected.getString("rejection_reason")
                        .contains("unchecked.example is not authenticated: its DNS records"
                                + " (SPF, DKIM, DMARC, RETURN_PATH) were never checked"),
                rejected.getString("rejection_reason"));
    }

    @Test
    void aCredentialSetToRefuseInSessionGets550With571ForAnUnauthenticatedDomain() throws Exception {
        AdminClient.Credential strict = admin.issueCredential(account);
        assertEquals(
                204,
                admin.send("PATCH", "/api/admin/smtp-credentials/" + strict.username(), "{\"refuse_in_session\": true}")
                        .status());
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), strict)) {
            assertTrue(s.command("MAIL FROM:<erp@example.com>").startsWith("250"));
            assertTrue(s.command("RCPT TO:<reader@example.net>").startsWith("250"));
            assertTrue(s.command("DATA").startsWith("354"));
            String reply = s.command(
                    message("From: <erp@stranger.example>", "Content-Type: text/html", "s", "<p>s</p>") + ".");
            assertTrue(reply.startsWith("550 5.7.1"), reply);
            assertTrue(reply.contains("stranger.example"), reply);
        }
    }

    private void assertAccepted(String header) throws Exception {
        String id = submit("shop@example.com", message("Content-Type: text/html\r\n" + header, "ok", "<p>ok</p>"));
        JsonObject s = awaitFinal(id);
        assertTrue(!s.getString("state").equals("rejected"), header + " -> " + s);
    }

    private void assertRejected(String header, String reasonNames) throws Exception {
        String id = submit("shop@example.com", message("Content-Type: text/html\r\n" + header, "bad", "<p>bad</p>"));
        JsonObject s = awaitFinal(id);
        assertEquals("rejected", s.getString("state"), header);
        assertTrue(
                s.getString("rejection_reason").contains(reasonNames),
                header + " -> " + s.getString("rejection_reason"));
    }

    private void assertRejectedBody(String contentType, String body, String reasonNames) throws Exception {
        String id = submit("shop@example.com", message(contentType, "body", body));
        JsonObject s = awaitFinal(id);
        assertEquals("rejected", s.getString("state"), contentType);
        assertTrue(
                s.getString("rejection_reason").toLowerCase().contains(reasonNames),
                contentType + " -> " + s.getString("rejection_reason"));
    }

    private static String message(String contentHeaders, String subject, String body) {
        return message("From: Shop <shop@example.com>", contentHeaders, subject, body);
    }

    private static String message(String fromHeader, String contentHeaders, String subject, String body) {
        return fromHeader + "\r\nTo: reader@example.net\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@shop.example.com>\r\nMIME-Version: 1.0\r\n"
                + contentHeaders + "\r\n\r\n" + body + "\r\n";
    }

    /** Submits a raw message over STARTTLS + AUTH and answers its queue id. */
    private static String submit(String envelopeSender, String raw) throws Exception {
        if (!envelopeSender.isEmpty()) { // the null sender needs no verification
            admin.addVerifiedSender(account, envelopeSender);
        }
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), sender)) {
            assertTrue(s.command("MAIL FROM:<" + envelopeSender + ">").startsWith("250"));
            assertTrue(s.command("RCPT TO:<reader@example.net>").startsWith("250"));
            assertTrue(s.command("DATA").startsWith("354"));
            String reply = s.command(raw.replace("\r\n.", "\r\n..") + ".");
            assertTrue(reply.startsWith("250 2.0.0"), reply);
            return Smtp.queueId(reply);
        }
    }

    private static JsonObject awaitFinal(String id) {
        return Eventually.await(
                        "submission " + id + " processed",
                        Duration.ofSeconds(30),
                        () -> admin.message(id),
                        a -> a.status() == 200 && !a.json().getString("state").equals("queued"))
                .json();
    }
}
