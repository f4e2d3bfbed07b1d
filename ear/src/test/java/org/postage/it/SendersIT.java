package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verified senders: mail is accepted only from addresses whose owner followed the one-time link Postage mailed
 * them, or that the operator vouched for; a credential may be narrowed to some of them. Envelope senders are
 * checked at MAIL, From addresses after DATA.
 */
class SendersIT {

    private static final Pattern LINK = Pattern.compile("http://\\S+/api/senders/verify\\?token=([A-Za-z0-9_-]{43})");

    private static SinkServer sink;
    private static PostageServer server;
    private static AdminClient admin;
    private static long account;
    private static AdminClient.Credential credential;
    private static final HttpClient browser =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Set as -Dpostage.hostname, over PostageServer's POSTAGE_HOSTNAME: the property wins, everywhere. */
    private static final String HOST_NAME = "mx.senders.test";

    @BeforeAll
    static void start() {
        sink = new SinkServer(FreePorts.next()).start();
        // Empty optional settings mean their defaults (127.0.0.1 for the relay host, the system's DNS resolvers).
        server = new PostageServer("senders", sink.port())
                .with("POSTAGE_RELAY_HOST", "")
                .with("POSTAGE_DNS_RESOLVER", "")
                .withSystemProperty("postage.hostname", HOST_NAME)
                .start();
        admin = server.admin();
        account = admin.createAccount("Senders");
        admin.setLimits(account, 0, 0);
        admin.addDomain(account, "shop.example", true);
        credential = admin.issueCredential(account);
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server, sink);
    }

    @Test
    void anUnknownEnvelopeSenderIsRefusedAtMailWith571AndWhatToDo() throws Exception {
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), credential)) {
            String reply = s.command("MAIL FROM:<Nobody@Shop.Example>");
            assertTrue(
                    reply.startsWith("550 5.7.1 The envelope sender <nobody@shop.example> is not a verified sender"
                            + " of this account"),
                    reply);
            assertTrue(reply.contains("follow the link mailed to it"), reply);
            // The session goes on: a refused MAIL is not a refused connection.
            assertTrue(s.command("NOOP").startsWith("250"));
        }
    }

    @Test
    void aSenderIsVerifiedByConfirmingTheOneTimeLinkMailedToIt() throws Exception {
        String address = "orders-" + marker() + "@shop.example";
        JsonObject added = admin.addSender(account, address);
        assertFalse(added.getBoolean("verified"));
        assertTrue(added.containsKey("verification_expires_at"), added.toString());

        String token = linkMailedTo(address);
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), credential)) {
            String reply = s.command("MAIL FROM:<" + address + ">");
            assertTrue(reply.startsWith("550 5.7.1"), "unverified until the link is confirmed: " + reply);
        }

        // Opening the link (as a mail scanner would) only shows a page that asks to confirm.
        HttpResponse<String> page = open(token);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""), "the token must not leak");
        assertTrue(page.body().contains(address) && page.body().contains("<form method=\"post\""), page.body());
        assertFalse(admin.get("/api/admin/senders/" + added.getInt("id")).json().getBoolean("verified"));

        HttpResponse<String> confirmed = confirm(token);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertTrue(confirmed.body().contains("is now a verified sender"), confirmed.body());
        JsonObject sender =
                admin.get("/api/admin/senders/" + added.getInt("id")).json();
        assertTrue(sender.getBoolean("verified"), sender.toString());
        assertEquals("link", sender.getString("verified_by"));

        // One time only.
        assertEquals(404, confirm(token).statusCode());
        assertEquals(404, open(token).statusCode());
        assertEquals(404, open("not-a-token").statusCode());

        String subject = "Verified " + marker();
        assertTrue(send(credential, address, "From: <" + address + ">", subject).startsWith("250 2.0.0"));
        Eventually.await(
                "the mail at the sink", Duration.ofSeconds(30), () -> sink.containing(subject), l -> !l.isEmpty());
    }

    @Test
    void theHostNameSetAsASystemPropertyIsInTheGreetingAndInPostagesOwnMail() throws Exception {
        try (RawSmtp s = new RawSmtp(server.smtpPort())) {
            assertTrue(s.greeting().startsWith("220 " + HOST_NAME + " ESMTP"), s.greeting());
        }
        String address = "hostname-" + marker() + "@shop.example";
        admin.addSender(account, address);
        linkMailedTo(address);
        SinkServer.Delivery mail = sink.deliveries().stream()
                .filter(d -> d.recipients().contains(address))
                .findFirst()
                .orElseThrow();
        MimeMessage m = new MimeMessage(null, new ByteArrayInputStream(mail.content()));
        assertTrue(m.getMessageID().endsWith("@" + HOST_NAME + ">"), m.getMessageID());
        assertEquals("no-reply@" + HOST_NAME, ((jakarta.mail.internet.InternetAddress) m.getFrom()[0]).getAddress());
        assertEquals(HOST_NAME, mail.helo(), "EHLO towards the relay");
    }

    @Test
    void theOperatorMayVerifyAPendingSenderAndItsLinkThenStopsWorking() throws Exception {
        String address = "billing-" + marker() + "@shop.example";
        JsonObject added = admin.addSender(account, address);
        String token = linkMailedTo(address);

        AdminClient.Answer verified = admin.post("/api/admin/senders/" + added.getInt("id") + "/verify", "");
        assertEquals(200, verified.status(), verified.body());
        assertEquals("operator", verified.json().getString("verified_by"));
        assertEquals(404, open(token).statusCode(), "the link is spent once the operator verified the address");
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), credential)) {
            assertTrue(s.command("MAIL FROM:<" + address + ">").startsWith("250"));
        }
        // A sender the operator adds as verified gets no mail at all.
        String direct = "direct-" + marker() + "@shop.example";
        admin.addVerifiedSender(account, direct);
        PostageServer.sleep(1500);
        assertTrue(sink.deliveries().stream().noneMatch(d -> d.recipients().contains(direct)));
    }

    @Test
    void aNewLinkReplacesTheEarlierOne() throws Exception {
        String address = "news-" + marker() + "@shop.example";
        JsonObject added = admin.addSender(account, address);
        String first = linkMailedTo(address);
        AdminClient.Answer resent = admin.post("/api/admin/senders/" + added.getInt("id") + "/verification-mail", "");
        assertEquals(202, resent.status(), resent.body());
        String second = Eventually.await(
                        "a second link", Duration.ofSeconds(30), () -> links(address), l -> l.size() == 2)
                .get(1);
        assertEquals(404, open(first).statusCode());
        assertEquals(200, confirm(second).statusCode());
        AdminClient.Answer again = admin.post("/api/admin/senders/" + added.getInt("id") + "/verification-mail", "");
        assertEquals(409, again.status(), "a verified sender needs no link: " + again.body());
    }

    @Test
    void aFromAddressThatIsNotAVerifiedSenderIsRejectedAfterDataWithAPolicyReason() throws Exception {
        String envelope = "app-" + marker() + "@shop.example";
        admin.addVerifiedSender(account, envelope);
        String reply = send(credential, envelope, "From: <ceo@shop.example>", "Spoofed " + marker());
        assertTrue(reply.startsWith("250 2.0.0"), reply);
        JsonObject rejected = Eventually.await(
                        "the submission processed",
                        Duration.ofSeconds(30),
                        () -> admin.message(Smtp.queueId(reply)),
                        a -> a.status() == 200 && !a.json().getString("state").equals("queued"))
                .json();
        assertEquals("rejected", rejected.getString("state"));
        assertTrue(
                rejected.getString("rejection_reason")
                        .contains("The From address <ceo@shop.example> is not a verified sender of this account"),
                rejected.getString("rejection_reason"));
    }

    @Test
    void aCredentialRestrictedToSomeSendersMayUseOnlyThose() throws Exception {
        String allowed = "allowed-" + marker() + "@shop.example";
        String other = "other-" + marker() + "@shop.example";
        admin.addVerifiedSender(account, allowed);
        admin.addVerifiedSender(account, other);
        AdminClient.Answer issued = admin.post(
                "/api/admin/accounts/" + account + "/smtp-credentials",
                "{\"allowed_senders\": [\"" + allowed.toUpperCase() + "\"]}");
        assertEquals(201, issued.status(), issued.body());
        AdminClient.Credential narrow = new AdminClient.Credential(
                issued.json().getString("username"), issued.json().getString("password"));
        JsonObject shown =
                admin.get("/api/admin/smtp-credentials/" + narrow.username()).json();
        assertEquals(allowed, shown.getJsonArray("allowed_senders").getString(0));
        assertFalse(shown.containsKey("password"), "the password is shown once, at issue");

        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), narrow)) {
            String refused = s.command("MAIL FROM:<" + other + ">");
            assertTrue(
                    refused.startsWith("550 5.7.1")
                            && refused.contains("not one of the senders this SMTP" + " credential may use"),
                    refused);
            assertTrue(s.command("MAIL FROM:<" + allowed + ">").startsWith("250"));
        }

        AdminClient.Answer notASender = admin.send(
                "PATCH",
                "/api/admin/smtp-credentials/" + narrow.username(),
                "{\"allowed_senders\": [\"stranger@elsewhere.example\"]}");
        assertEquals(400, notASender.status(), notASender.body());
        assertTrue(
                notASender.body().contains("stranger@elsewhere.example is not a sender of account"), notASender.body());
        assertEquals(
                204,
                admin.send("PATCH", "/api/admin/smtp-credentials/" + narrow.username(), "{\"allowed_senders\": []}")
                        .status());
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), narrow)) {
            assertTrue(s.command("MAIL FROM:<" + other + ">").startsWith("250"), "an empty list lifts the restriction");
        }
    }

    @Test
    void anotherAccountsVerifiedSenderIsRefusedAndARemovedSenderAtOnce() throws Exception {
        long otherAccount = admin.createAccount("Other tenant");
        String theirs = "theirs-" + marker() + "@other.example";
        admin.addVerifiedSender(otherAccount, theirs);
        String mine = "mine-" + marker() + "@shop.example";
        admin.addVerifiedSender(account, mine);
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), credential)) {
            String reply = s.command("MAIL FROM:<" + theirs + ">");
            assertTrue(
                    reply.startsWith("550 5.7.1") && reply.contains("is not a verified sender of this account"), reply);
            assertTrue(s.command("MAIL FROM:<" + mine + ">").startsWith("250"));
            assertTrue(s.command("RSET").startsWith("250"));
            long id = senderId(mine);
            assertEquals(
                    204, admin.send("DELETE", "/api/admin/senders/" + id, null).status());
            assertTrue(s.command("MAIL FROM:<" + mine + ">").startsWith("550 5.7.1"), "removed senders stop at once");
        }
    }

    @Test
    void badSenderRequestsGetProblemsThatSayWhatIsWrong() {
        AdminClient.Answer invalid =
                admin.post("/api/admin/accounts/" + account + "/senders", "{\"email_address\": \"not an address\"}");
        assertProblem(invalid, 400, "must be an address such as");
        AdminClient.Answer missing = admin.post("/api/admin/accounts/" + account + "/senders", "{}");
        assertProblem(missing, 400, "email_address");
        String twice = "twice-" + marker() + "@shop.example";
        admin.addVerifiedSender(account, twice);
        assertProblem(
                admin.post(
                        "/api/admin/accounts/" + account + "/senders",
                        "{\"email_address\": \"" + twice.toUpperCase() + "\", \"verified\": true}"),
                409,
                "already a sender");
        assertProblem(
                admin.post("/api/admin/accounts/999999/senders", "{\"email_address\": \"a@b.example\"}"),
                404,
                "No account with id 999999");
        assertProblem(admin.get("/api/admin/senders/999999"), 404, "No sender with id 999999");
        assertProblem(
                admin.as("admin", "wrong")
                        .post(
                                "/api/admin/accounts/" + account + "/senders",
                                "{\"email_address\": \"a@b.example\", \"verified\": true}"),
                401,
                "");
    }

    @Test
    void theSameSenderAddedByConcurrentRequestsIsCreatedOnceAndTheOthersGet409() throws Exception {
        String address = "race-" + marker() + "@shop.example";
        int requests = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(requests);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(requests);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return admin.post(
                                    "/api/admin/accounts/" + account + "/senders",
                                    "{\"email_address\": \"" + address + "\", \"verified\": true}")
                            .status();
                }));
            }
            java.util.List<Integer> answers = new java.util.ArrayList<>();
            for (var status : statuses) {
                answers.add(status.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, answers.stream().filter(a -> a == 201).count(), answers.toString());
            assertEquals(requests - 1, answers.stream().filter(a -> a == 409).count(), "no 500: " + answers);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Looked up in the account's list of senders, as an operator's script would. */
    private static long senderId(String address) {
        String body = admin.get("/api/admin/accounts/" + account + "/senders").body();
        try (jakarta.json.JsonReader r = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            return r.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(o -> o.getString("email_address").equals(address))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(address + " not in " + body))
                    .getJsonNumber("id")
                    .longValue();
        }
    }

    private static void assertProblem(AdminClient.Answer a, int status, String detailContains) {
        assertEquals(status, a.status(), a.body());
        assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
        assertTrue(a.body().contains(detailContains), a.body());
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The token of the (first) verification link the sink received for this address. */
    private static String linkMailedTo(String address) {
        return Eventually.await(
                        "the verification mail to " + address,
                        Duration.ofSeconds(30),
                        () -> links(address),
                        l -> !l.isEmpty())
                .get(0);
    }

    private static java.util.List<String> links(String address) {
        return sink.deliveries().stream()
                .filter(d -> d.recipients().contains(address))
                .map(d -> {
                    try {
                        MimeMessage m = new MimeMessage(
                                jakarta.mail.Session.getInstance(new java.util.Properties()),
                                new ByteArrayInputStream(d.content()));
                        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
                        Matcher link = LINK.matcher((String) m.getContent());
                        assertTrue(link.find(), "a link in the mail");
                        return link.group(1);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }

    private static HttpResponse<String> open(String token) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(base() + "?token=" + token))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> confirm(String token) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(base()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://127.0.0.1:" + server.httpPort() + "/api/senders/verify";
    }

    private static String send(AdminClient.Credential c, String envelopeSender, String fromHeader, String subject)
            throws Exception {
        try (RawSmtp s = RawSmtp.authenticated(server.smtpPort(), c)) {
            assertTrue(s.command("MAIL FROM:<" + envelopeSender + ">").startsWith("250"));
            assertTrue(s.command("RCPT TO:<reader@example.net>").startsWith("250"));
            assertTrue(s.command("DATA").startsWith("354"));
            return s.command(fromHeader + "\r\nTo: reader@example.net\r\nSubject: " + subject
                    + "\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<p>" + subject + "</p>\r\n.");
        }
    }
}
