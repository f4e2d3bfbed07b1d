package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SMTP submission end to end: a real client, the real EAR in a real WildFly, a real SMTP sink as smarthost. */
class SubmissionIT {

    private static SinkServer sink;
    private static PostageServer server;
    private static AdminClient admin;
    private static AdminClient.Credential sender;
    private static long account;

    private static final String RELAY_USER = "relay-user";
    /** Not PostageServer's usual name, so that nothing passes by its default. */
    private static final String HOST_NAME = "mx.submission.test";

    @BeforeAll
    static void start() throws Exception {
        // The smarthost requires STARTTLS and AUTH, as a provider's relay does: every delivery below passes both.
        sink = new SinkServer(FreePorts.next())
                .requireTlsAndAuth(TestKeys.selfSigned("sink.test"), RELAY_USER, "relay-secret")
                .answer("refused@example.net", "550 5.1.1 No such user here")
                .start();
        server = new PostageServer("submission", sink.port())
                .with("POSTAGE_RELAY_STARTTLS", "required")
                .with("POSTAGE_RELAY_TLS_TRUST", "*")
                .with("POSTAGE_RELAY_USERNAME", RELAY_USER)
                .with("POSTAGE_RELAY_PASSWORD", "relay-secret")
                .with("POSTAGE_HOSTNAME", HOST_NAME)
                .start();
        admin = server.admin();
        account = admin.accountSendingAs("Web shop", "shop@example.com");
        sender = admin.issueCredential(account);
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server, sink);
    }

    @Test
    void toCcAndBccRecipientsEachGetTheirOwnCopyWithAttachmentAndEightBitBody() throws Exception {
        String marker = UUID.randomUUID().toString();
        MimeMessage m = new MimeMessage(Smtp.session(server.smtpPort()));
        m.setFrom("shop@example.com");
        m.setRecipients(RecipientType.TO, "alice@example.net");
        m.setRecipients(RecipientType.CC, "bob@example.net");
        m.setRecipients(RecipientType.BCC, "carol@example.net");
        m.setSubject("Order " + marker);
        m.setHeader("Message-ID", "<order-" + marker + "@shop.example.com>");
        m.setHeader("X-Flexmail-Tag", "order_confirmation");
        m.setHeader("X-Flexmail-Metadata-order_id", "12345");
        m.setHeader("X-Flexmail-Open-Tracking", "true");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Grüße, ça va? Ærøskøbing</p>", "UTF-8", "html");
        html.setHeader("Content-Transfer-Encoding", "8bit");
        MimeBodyPart attachment = new MimeBodyPart();
        byte[] pdf = ("%PDF-1.4 invoice " + marker).getBytes(StandardCharsets.US_ASCII);
        attachment.setContent(pdf, "application/pdf");
        attachment.setFileName("invoice.pdf");
        attachment.setHeader("Content-Transfer-Encoding", "base64");
        m.setContent(new MimeMultipart(html, attachment));
        m.saveChanges();
        m.setHeader("Message-ID", "<order-" + marker + "@shop.example.com>");
        m.setHeader("Content-Transfer-Encoding", "8bit");

        String reply = Smtp.send(server.smtpPort(), sender, m);
        assertTrue(reply.startsWith("250 2.0.0"), reply);
        String submission = Smtp.queueId(reply);

        List<SinkServer.Delivery> copies = Eventually.await(
                "one copy per recipient at the sink",
                Duration.ofSeconds(30),
                () -> sink.containing(marker),
                l -> l.size() >= 3);
        assertEquals(3, copies.size());
        assertEquals(
                java.util.Set.of(
                        List.of("alice@example.net"), List.of("bob@example.net"), List.of("carol@example.net")),
                copies.stream().map(SinkServer.Delivery::recipients).collect(java.util.stream.Collectors.toSet()));
        java.util.Set<String> messageIds = new java.util.HashSet<>();
        for (SinkServer.Delivery d : copies) {
            String text = new String(d.content(), StandardCharsets.UTF_8);
            String headers = text.substring(0, text.indexOf("\r\n\r\n")).toLowerCase();
            assertFalse(headers.contains("\nbcc:"), "no Bcc header is relayed");
            assertFalse(headers.contains("x-flexmail-"), "Flexmail headers are instructions, not content");
            assertTrue(text.contains("Grüße, ça va? Ærøskøbing"), "8-bit body unchanged");
            assertTrue(text.contains("with ESMTPSA id " + submission), "Received header names the queue id");
            MimeMessage relayed = new MimeMessage(null, new java.io.ByteArrayInputStream(d.content()));
            messageIds.add(relayed.getMessageID());
            assertTrue(relayed.getMessageID().startsWith("<" + submission + "-"), relayed.getMessageID());
            MimeMultipart parts = (MimeMultipart) relayed.getContent();
            assertEquals("invoice.pdf", parts.getBodyPart(1).getFileName());
            assertTrue(Arrays.equals(pdf, parts.getBodyPart(1).getInputStream().readAllBytes()), "attachment intact");
        }
        assertEquals(3, messageIds.size(), "each message has its own Message-ID");
        assertTrue(sink.logins().contains(RELAY_USER), "Postage authenticated to the smarthost after STARTTLS");

        JsonObject state = Eventually.await(
                        "state sent",
                        Duration.ofSeconds(10),
                        () -> admin.message(submission),
                        a -> a.status() == 200 && a.json().getString("state").equals("sent"))
                .json();
        assertEquals("order_confirmation", state.getString("tag"));
        assertEquals("12345", state.getJsonObject("metadata").getString("order_id"));
        assertEquals(
                "<order-" + marker + "@shop.example.com>",
                state.getJsonObject("metadata").getString("original_message_id"));
        assertTrue(state.getBoolean("open_tracking"));
        assertFalse(state.getBoolean("link_tracking"));
        assertEquals(3, state.getJsonArray("messages").size());
        for (JsonObject message : state.getJsonArray("messages").getValuesAs(JsonObject.class)) {
            assertEquals("sent", message.getString("state"));
            assertTrue(message.getString("last_reply").startsWith("250"), message.toString());
            assertEquals(1, message.getInt("attempts"));
            JsonObject details = admin.message(message.getString("id")).json();
            assertEquals(submission, details.getString("submission_id"));
            assertEquals("order_confirmation", details.getString("tag"));
            assertEquals(
                    List.of("queued", "sent"),
                    details.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                            .map(e -> e.getString("type"))
                            .toList());
        }
    }

    @Test
    void theGreetingTheReceivedHeaderTheMessageIdAndEhloTowardsTheRelayAllCarryPostageHostname() throws Exception {
        try (RawSmtp s = new RawSmtp(server.smtpPort())) {
            assertTrue(s.greeting().startsWith("220 " + HOST_NAME + " ESMTP"), s.greeting());
            String ehlo = s.command("EHLO client.test");
            assertTrue(ehlo.startsWith("250-" + HOST_NAME + "\n"), ehlo);
        }
        String marker = UUID.randomUUID().toString();
        String reply = Smtp.send(server.smtpPort(), sender, html("Host name " + marker));
        String queueId = Smtp.queueId(reply);

        SinkServer.Delivery d = Eventually.await(
                        "the message at the sink",
                        Duration.ofSeconds(30),
                        () -> sink.containing(marker),
                        l -> !l.isEmpty())
                .get(0);
        assertTrue(
                d.text().contains("\r\n\tby " + HOST_NAME + " (Postage) with ESMTPSA id " + queueId + ";"), d.text());
        MimeMessage relayed = new MimeMessage(null, new java.io.ByteArrayInputStream(d.content()));
        assertEquals("<" + queueId + "-1@" + HOST_NAME + ">", relayed.getMessageID());
        assertEquals(HOST_NAME, d.helo(), "EHLO towards the relay");
    }

    @Test
    void aTenMebibyteMessageIsDelivered() throws Exception {
        String marker = UUID.randomUUID().toString();
        MimeMessage m = new MimeMessage(Smtp.session(server.smtpPort()));
        m.setFrom("shop@example.com");
        m.setRecipients(RecipientType.TO, "big@example.net");
        m.setSubject("Big " + marker);
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>catalogue</p>", "UTF-8", "html");
        MimeBodyPart attachment = new MimeBodyPart();
        byte[] payload = new byte[7_600_000]; // base64 makes this about 10 MiB on the wire
        new java.util.Random(1).nextBytes(payload);
        attachment.setContent(payload, "application/octet-stream");
        attachment.setFileName("catalogue.bin");
        m.setContent(new MimeMultipart(html, attachment));

        String reply = Smtp.send(server.smtpPort(), sender, m);
        assertTrue(reply.startsWith("250 2.0.0"), reply);
        SinkServer.Delivery d = Eventually.await(
                        "delivery of the big message",
                        Duration.ofSeconds(60),
                        () -> sink.containing(marker),
                        l -> !l.isEmpty())
                .get(0);
        assertTrue(d.content().length > 10_000_000, "size " + d.content().length);
        MimeMultipart parts =
                (MimeMultipart) new MimeMessage(null, new java.io.ByteArrayInputStream(d.content())).getContent();
        assertTrue(Arrays.equals(payload, parts.getBodyPart(1).getInputStream().readAllBytes()), "attachment intact");
    }

    @Test
    void aRecipientTheRelayRefusesIsMarkedFailedAndTheOthersSent() throws Exception {
        MimeMessage m = html("Refused");
        m.setRecipients(RecipientType.TO, "refused@example.net, fine@example.net");
        String reply = Smtp.send(server.smtpPort(), sender, m);
        JsonObject state;
        state = Eventually.await(
                        "final state",
                        Duration.ofSeconds(20),
                        () -> admin.message(Smtp.queueId(reply)),
                        a -> a.status() == 200 && !a.json().getString("state").equals("queued"))
                .json();
        Eventually.await(
                "both messages final",
                Duration.ofSeconds(20),
                () -> admin.message(Smtp.queueId(reply)),
                a -> a.json().getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                        .noneMatch(x -> x.getString("state").equals("queued")));
        state = admin.message(Smtp.queueId(reply)).json();
        JsonObject refused = state.getJsonArray("messages").getJsonObject(0);
        JsonObject fine = state.getJsonArray("messages").getJsonObject(1);
        assertEquals("refused@example.net", refused.getString("recipient"));
        assertEquals("failed", refused.getString("state"));
        assertTrue(refused.getString("last_reply").contains("550"), refused.toString());
        assertEquals("sent", fine.getString("state"));
    }

    @Test
    void aWrongPasswordGets535() {
        AuthenticationFailedException e = assertThrows(
                AuthenticationFailedException.class,
                () -> Smtp.send(server.smtpPort(), new AdminClient.Credential(sender.username(), "wrong"), html("x")));
        assertTrue(e.getMessage().contains("535 5.7.8"), e.getMessage());
    }

    @Test
    void aRevokedCredentialFailsAtOnce() throws Exception {
        AdminClient.Credential c = admin.issueCredential(account);
        assertTrue(Smtp.send(server.smtpPort(), c, html("before")).startsWith("250"));
        try (RawSmtp open = RawSmtp.authenticated(server.smtpPort(), c)) {
            admin.revoke(c.username());
            AuthenticationFailedException e = assertThrows(
                    AuthenticationFailedException.class, () -> Smtp.send(server.smtpPort(), c, html("after")));
            assertTrue(e.getMessage().contains("535 5.7.8"), e.getMessage());
            // A session authenticated before the revocation cannot start new mail either.
            String mail = open.command("MAIL FROM:<shop@example.com>");
            assertTrue(mail.startsWith("530 5.7.0"), mail);
        }
    }

    @Test
    void authBeforeStartTlsGets530AndIsNotAdvertised() throws Exception {
        try (RawSmtp s = new RawSmtp(server.smtpPort())) {
            String ehlo = s.command("EHLO client.test");
            assertTrue(ehlo.contains("STARTTLS"), ehlo);
            assertFalse(ehlo.contains("AUTH"), ehlo);
            String auth = s.command("AUTH PLAIN "
                    + java.util.Base64.getEncoder()
                            .encodeToString(("\0" + sender.username() + "\0" + sender.password())
                                    .getBytes(StandardCharsets.UTF_8)));
            assertTrue(auth.startsWith("530 5.7.0"), auth);
        }
    }

    @Test
    void relayWithoutAuthIsRefused() throws Exception {
        try (RawSmtp s = new RawSmtp(server.smtpPort())) {
            s.command("EHLO client.test");
            s.startTls();
            s.command("EHLO client.test");
            String mail = s.command("MAIL FROM:<spammer@example.org>");
            assertTrue(mail.startsWith("530 5.7.0"), mail);
            String rcpt = s.command("RCPT TO:<victim@example.net>");
            assertTrue(rcpt.startsWith("5"), rcpt);
        }
    }

    @Test
    void anOversizedMessageIsRefusedAtMailSizeAndAtData() throws Exception {
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), sender)) {
            String mail = s.command("MAIL FROM:<shop@example.com> SIZE=" + (13 * 1024 * 1024));
            assertTrue(mail.startsWith("552 5.3.4"), mail);
            assertTrue(s.command("MAIL FROM:<shop@example.com>").startsWith("250"));
            assertTrue(s.command("RCPT TO:<big@example.net>").startsWith("250"));
            assertTrue(s.command("DATA").startsWith("354"));
            String line = "x".repeat(998) + "\r\n";
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                chunk.append(line);
            }
            s.write("Subject: too big\r\n\r\n");
            for (int i = 0; i < 13; i++) { // 13 MB of body against a 12 MiB limit
                s.write(chunk.toString());
            }
            s.write(".\r\n");
            String data = s.reply();
            assertTrue(data.startsWith("552 5.3.4"), data);
            assertTrue(s.command("NOOP").startsWith("250"), "the session goes on");
        }
    }

    @Test
    void theAdminApiAnswersBadInputWithProblemDetails() {
        AdminClient.Answer badJson = admin.post("/api/admin/accounts", "{\"name\": ");
        assertProblem(badJson, 400, "not valid JSON");
        assertProblem(admin.post("/api/admin/accounts", "{}"), 400, "'name' is required");
        assertProblem(admin.post("/api/admin/accounts", "{\"name\": 42}"), 400, "must be a string");
        assertProblem(admin.post("/api/admin/accounts", "[]"), 400, "must be a JSON object");
        assertProblem(admin.post("/api/admin/accounts/999999/smtp-credentials", ""), 404, "999999");
        assertProblem(admin.post("/api/admin/accounts/abc/smtp-credentials", ""), 404, "abc");
        assertProblem(admin.send("DELETE", "/api/admin/smtp-credentials/nobody", null), 404, "nobody");
        assertProblem(admin.message("0000000000000000"), 404, "0000000000000000");
        assertProblem(admin.message("../etc"), 404, "");
        assertProblem(admin.as("admin", "wrong").get("/api/admin/messages/x"), 401, "Wrong user or password");
        assertProblem(
                admin.as("root", PostageServer.ADMIN_PASSWORD).post("/api/admin/accounts", "{\"name\":\"x\"}"),
                401,
                "");
        assertProblem(admin.get("/api/admin/nothing-here"), 404, "");
    }

    @Test
    void anIssuedPasswordIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        long account = admin.createAccount("Hash check");
        AdminClient.Answer a = admin.post("/api/admin/accounts/" + account + "/smtp-credentials", "");
        assertEquals(201, a.status());
        String password = a.json().getString("password");
        assertTrue(password.length() >= 32);
        // The database file must not contain the password in clear.
        java.nio.file.Path db = server.log().getParent().getParent().resolve("data/postage");
        try (var files = java.nio.file.Files.walk(db)) {
            for (java.nio.file.Path f :
                    files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String content = new String(java.nio.file.Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(password), "clear password in " + f);
            }
        }
    }

    private static void assertProblem(AdminClient.Answer a, int status, String detailContains) {
        assertEquals(status, a.status(), a.body());
        assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType() + " " + a.body());
        JsonObject p = a.json();
        assertEquals(status, p.getInt("status"));
        assertTrue(p.getString("detail", p.getString("title")).contains(detailContains), a.body());
        assertFalse(a.body().contains("Exception"), "no stack trace or exception name: " + a.body());
    }

    private static MimeMessage html(String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(Smtp.session(server.smtpPort()));
        m.setFrom("shop@example.com");
        m.setRecipients(RecipientType.TO, "someone@example.net");
        m.setSubject(subject);
        m.setText("<p>" + subject + "</p>", "UTF-8", "html");
        return m;
    }
}
