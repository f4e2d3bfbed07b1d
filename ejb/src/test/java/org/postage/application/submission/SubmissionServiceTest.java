package org.postage.application.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postage.api.AuthResult;
import org.postage.api.Envelope;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.api.SmtpSession;
import org.postage.application.processing.InMemorySubmitters;
import org.postage.application.ratelimit.RecipientRateLimiter;
import org.postage.application.support.HostName;
import org.postage.domain.credential.SmtpCredential;
import org.postage.domain.message.QueueId;

/**
 * The SMTP phases as the resource adapter's listener sees them: what AUTH, MAIL, RCPT and DATA answer, and what
 * DATA hands the submission queue. Against credentials, senders, domains, the rate limiter and the queue kept in
 * memory; the submission rules are the real ones.
 */
class SubmissionServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:15:30Z");
    private static final Envelope ENVELOPE = new Envelope("orders@shop.example", List.of("ann@example.net"));

    private static final byte[] ORDER = bytes("From: Shop <orders@shop.example>\r\n"
            + "To: Ann <ann@example.net>\r\n"
            + "Subject: Your order\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n"
            + "\r\n"
            + "<p>Thank you for your order.</p>\r\n");
    private static final byte[] TEXT_ONLY = bytes("From: Shop <orders@shop.example>\r\n"
            + "To: Ann <ann@example.net>\r\n"
            + "Subject: Your order\r\n"
            + "Content-Type: text/plain\r\n"
            + "\r\n"
            + "Thank you for your order.\r\n");

    private final InMemorySubmitters submitters = new InMemorySubmitters();
    private final Queue queue = new Queue();
    private final Limiter limiter = new Limiter();
    private final TestDisk disk = new TestDisk();
    private final SubmissionService service = new SubmissionService();
    private final SmtpCredential credential;

    SubmissionServiceTest() {
        service.credentials = submitters.credentials();
        service.queue = queue;
        service.clock = Clock.fixed(NOW, ZoneId.of("Europe/Brussels"));
        service.policy = submitters.policy();
        service.rateLimiter = limiter;
        service.senderRule = submitters.senderRule();
        service.hostName = new HostName("postage.test");
        service.disk = new DiskGuard();
        service.disk.space = disk;
        service.disk.reserve = DiskReserve.ofMebibytes(64);
        service.disk.clock = service.clock; // fixed: one reading of the disk for the whole test
        service.transactions = new OpenMailTransactions();
        service.transactions.clock = service.clock;
        credential = submitters.credential(7, "smtp-a", "secret");
        submitters.verifiedSender(7, "orders@shop.example");
        submitters.authenticatedDomain(7, "shop.example");
    }

    // AUTH

    @Test
    void theRightPasswordIsAcceptedWithAPrincipalNamingTheAccountAndTheCredential() {
        assertEquals(AuthResult.accepted("7:smtp-a"), service.authenticate(session(null), "smtp-a", "secret"));
    }

    @Test
    void aCredentialThatRefusesBrokenSubmissionsInSessionSaysSoInItsPrincipal() {
        credential.refuseInSession(true);

        assertEquals(AuthResult.accepted("7:smtp-a:refuse"), service.authenticate(session(null), "smtp-a", "secret"));
    }

    @Test
    void aWrongPasswordAnUnknownUserAndARevokedCredentialGet535AndNoPrincipal() {
        AuthResult refused = AuthResult.rejected(SmtpReplies.AUTH_FAILED);
        assertEquals(refused, service.authenticate(session(null), "smtp-a", "wrong"));
        assertEquals(refused, service.authenticate(session(null), "smtp-b", "secret"));
        credential.revoke(NOW);
        assertEquals(refused, service.authenticate(session(null), "smtp-a", "secret"));
    }

    // MAIL

    @Test
    void mailBeforeAuthGets530() {
        assertEquals(SmtpReplies.AUTH_REQUIRED, service.admitSender(session(null), "orders@shop.example"));
    }

    @Test
    void aVerifiedSenderOfTheAccountIsAcceptedInAnyCase() {
        assertEquals(SmtpReplies.SENDER_OK, service.admitSender(session("7:smtp-a"), "orders@shop.example"));
        assertEquals(SmtpReplies.SENDER_OK, service.admitSender(session("7:smtp-a"), "Orders@Shop.Example"));
    }

    @Test
    void mailOnASessionWhoseCredentialWasRevokedSinceAuthGets530SayingSo() {
        credential.revoke(NOW);

        Reply reply = service.admitSender(session("7:smtp-a"), "orders@shop.example");

        assertEquals(SubmissionService.CREDENTIAL_REVOKED, reply);
        assertEquals("530 5.7.0", reply.code() + " " + reply.status());
        assertTrue(reply.text().contains("revoked"), reply.text());
    }

    @Test
    void theNullSenderIsLetThroughToData() {
        submitters.removeSender(7, "orders@shop.example");

        assertEquals(SmtpReplies.SENDER_OK, service.admitSender(session("7:smtp-a"), ""));
    }

    @Test
    void anEnvelopeSenderThatIsNotAVerifiedSenderGets550_5_7_1WithTheReasonAndWhatToDo() {
        assertEquals(
                SmtpReplies.SENDER_REFUSED.withText(
                        "The envelope sender <unknown@shop.example> is not a verified sender of this account; ask"
                                + " your Postage admin to add it as a sender (POST /api/admin/accounts/{id}/senders),"
                                + " then follow the link mailed to it"),
                service.admitSender(session("7:smtp-a"), "unknown@shop.example"));
    }

    @Test
    void anotherAccountsVerifiedSenderIsRefusedLikeAnUnknownOne() {
        submitters.verifiedSender(8, "news@other.example");

        Reply reply = service.admitSender(session("7:smtp-a"), "news@other.example");

        assertEquals(
                SmtpReplies.SENDER_REFUSED.withText("The envelope sender <news@other.example> is not a verified"
                        + " sender of this account; ask your Postage admin to add it as a sender"
                        + " (POST /api/admin/accounts/{id}/senders), then follow the link mailed to it"),
                reply);
    }

    @Test
    void aSenderOutsideTheCredentialsAllowedSendersGets550_5_7_1() {
        submitters.verifiedSender(7, "billing@shop.example");
        credential.restrictTo(List.of("orders@shop.example"));

        assertEquals(SmtpReplies.SENDER_OK, service.admitSender(session("7:smtp-a"), "orders@shop.example"));
        assertEquals(
                SmtpReplies.SENDER_REFUSED.withText("The envelope sender <billing@shop.example> is not one of the"
                        + " senders this SMTP credential may use; send as one of the credential's senders, or ask"
                        + " your Postage admin to allow this one (PATCH /api/admin/smtp-credentials/{username})"),
                service.admitSender(session("7:smtp-a"), "billing@shop.example"));
    }

    @Test
    void aRefusalNamingAnAddressTooLongToQuoteStaysWithinOneReplyLine() {
        String address =
                "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example";

        Reply reply = service.admitSender(session("7:smtp-a"), address);

        assertEquals("550 5.7.1", reply.code() + " " + reply.status());
        assertTrue(reply.text().length() <= 400, reply.text());
        assertTrue(reply.text().contains("cccc...; ask your Postage admin"), "the address is cut: " + reply.text());
        assertTrue(reply.toString().length() + 2 <= 512, "RFC 5321 4.5.3.1.5");
    }

    // RCPT

    @Test
    void rcptBeforeAuthIsRelayDeniedWithoutCountingTheRecipient() {
        assertEquals(SmtpReplies.RELAY_DENIED, service.admitRecipient(session(null), "ann@example.net"));
        assertEquals(List.of(), limiter.asked);
    }

    @Test
    void eachRecipientIsCountedForTheSessionsAccountAndGetsTheLimitersAnswer() {
        assertEquals(SmtpReplies.RECIPIENT_OK, service.admitRecipient(session("7:smtp-a"), "ann@example.net"));
        Reply limited = SmtpReplies.RECIPIENT_RATE_LIMITED.withText("Too many messages to <bob@example.net>");
        limiter.answer = limited;
        assertEquals(limited, service.admitRecipient(session("7:smtp-a"), "bob@example.net"));

        assertEquals(List.of("7 ann@example.net", "7 bob@example.net"), limiter.asked);
    }

    // DATA

    @Test
    void dataBeforeAuthGets530AndNothingIsQueued() {
        assertEquals(SmtpReplies.AUTH_REQUIRED, service.accept(session(null), ENVELOPE, ORDER));
        assertEquals(List.of(), queue.entries);
    }

    @Test
    void anAcceptedMessageIsQueuedWithItsEnvelopeBelowAReceivedHeaderAndItsQueueIdIsInThe250() {
        Envelope envelope = new Envelope("orders@shop.example", List.of("ann@example.net", "bob@example.net"));

        Reply reply = service.accept(session("7:smtp-a"), envelope, ORDER);

        assertEquals(1, queue.entries.size());
        Queued queued = queue.entries.get(0);
        QueueId id = queued.submission().id();
        assertEquals(
                new AcceptedSubmission(
                        id, 7, "smtp-a", "orders@shop.example", List.of("ann@example.net", "bob@example.net"), NOW),
                queued.submission());
        assertEquals(SmtpReplies.QUEUED.withText("Ok: queued as " + id), reply);
        assertEquals("250 2.0.0 Ok: queued as " + id, reply.toString());
        assertEquals(
                "Received: from shop.example.com ([192.0.2.7])\r\n"
                        + "\tby postage.test (Postage) with ESMTPSA id " + id + ";\r\n"
                        + "\tThu, 26 Nov 2026 10:15:30 +0100\r\n"
                        + text(ORDER),
                text(queued.raw()));
        assertEquals(
                QueueId.next(NOW.toEpochMilli()).value().substring(0, 10),
                id.value().substring(0, 10),
                "the id sorts by the time of acceptance");
    }

    @Test
    void eachAcceptedMessageGetsAQueueIdOfItsOwn() {
        Reply first = service.accept(session("7:smtp-a"), ENVELOPE, ORDER);
        Reply second = service.accept(session("7:smtp-a"), ENVELOPE, ORDER);

        assertNotEquals(first, second);
        assertNotEquals(
                queue.entries.get(0).submission().id(),
                queue.entries.get(1).submission().id());
    }

    @Test
    void theNullSendersMessageIsQueuedWithAnEmptyEnvelopeSender() {
        service.accept(session("7:smtp-a"), new Envelope("", List.of("ann@example.net")), ORDER);

        assertEquals("", queue.entries.get(0).submission().envelopeSender());
    }

    @Test
    void aBrokenMessageIsQueuedAnywayForProcessingToReportWhenTheSessionDoesNotRefuseInSession() {
        Reply reply = service.accept(session("7:smtp-a"), ENVELOPE, TEXT_ONLY);

        assertEquals(250, reply.code());
        assertEquals(1, queue.entries.size());
    }

    @Test
    void aBrokenContentRuleGets550_5_6_0WithTheReasonAndNothingIsQueuedWhenTheSessionRefusesInSession() {
        assertEquals(
                SmtpReplies.CONTENT_REFUSED.withText("The message has no text/html body (it has only text/plain)"),
                service.accept(session("7:smtp-a:refuse"), ENVELOPE, TEXT_ONLY));
        assertEquals(List.of(), queue.entries);
    }

    @Test
    void aFromOutsideTheAccountGets550_5_7_1NamingBothRulesWhenTheSessionRefusesInSession() {
        byte[] raw = bytes(text(ORDER).replace("<orders@shop.example>", "<news@other.example>"));

        assertEquals(
                SmtpReplies.SENDER_REFUSED.withText(
                        "The From address <news@other.example> is not a verified sender of this account; "
                                + "The From domain other.example is not a sending domain of this account"),
                service.accept(session("7:smtp-a:refuse"), ENVELOPE, raw));
        assertEquals(List.of(), queue.entries);
    }

    @Test
    void aFromTheCredentialMayNotUseGets550_5_7_1WhenTheSessionRefusesInSession() {
        submitters.verifiedSender(7, "billing@shop.example");
        credential.restrictTo(List.of("billing@shop.example"));

        assertEquals(
                SmtpReplies.SENDER_REFUSED.withText(
                        "The From address <orders@shop.example> is not one of the senders this SMTP credential may"
                                + " use"),
                service.accept(session("7:smtp-a:refuse"), ENVELOPE, ORDER));
    }

    @Test
    void aRefusalAtDataListingManyBrokenRulesIsCutToOneReplyLine() {
        byte[] raw = bytes("From: Shop <orders@shop.example>\r\n"
                + "X-Flexmail-Tag: Order Confirmation\r\n"
                + "X-Flexmail-Metadata-Order-Id: 12345\r\n"
                + "X-Flexmail-Metadata-Customer-Id: C-789\r\n"
                + "X-Flexmail-Open-Tracking: yes\r\n"
                + "X-Flexmail-Link-Tracking: maybe\r\n"
                + "Content-Type: text/plain\r\n"
                + "\r\n"
                + "Thank you for your order.\r\n");

        Reply reply = service.accept(session("7:smtp-a:refuse"), ENVELOPE, raw);

        assertEquals("550 5.6.0", reply.code() + " " + reply.status());
        assertEquals(400, reply.text().length(), reply.text());
        assertTrue(reply.text().endsWith("..."), reply.text());
    }

    @Test
    void aGoodMessageIsQueuedWhenTheSessionRefusesInSession() {
        assertEquals(
                250, service.accept(session("7:smtp-a:refuse"), ENVELOPE, ORDER).code());
        assertEquals(1, queue.entries.size());
    }

    @Test
    void refusingInSessionIsDecidedAtAuthSoAChangeAppliesFromTheNextAuth() {
        credential.refuseInSession(true); // after this session's AUTH

        assertEquals(
                250, service.accept(session("7:smtp-a"), ENVELOPE, TEXT_ONLY).code());
    }

    @Test
    void aMessageTheQueueCannotStoreIsNotAnswered250() {
        queue.failure = new IllegalStateException("the journal is full");

        assertThrows(IllegalStateException.class, () -> service.accept(session("7:smtp-a"), ENVELOPE, ORDER));
    }

    @Test
    void aMessageThatWouldLeaveLessThanTheDiskReserveGets452_4_3_1AndNothingIsQueued() {
        disk.usable = 64L * 1024 * 1024 + ORDER.length; // not enough for the Received header too

        Reply reply = service.accept(session("7:smtp-a"), ENVELOPE, ORDER);

        assertEquals(SmtpReplies.INSUFFICIENT_STORAGE, reply);
        assertEquals("452 4.3.1 Insufficient system storage, try again later", reply.toString());
        assertEquals(List.of(), queue.entries);
    }

    @Test
    void aMessageRefusedInSessionIsRefusedForWhatItIsEvenWhenTheDiskIsFull() {
        disk.usable = 0;

        assertEquals(
                550,
                service.accept(session("7:smtp-a:refuse"), ENVELOPE, TEXT_ONLY).code());
    }

    private static SmtpSession session(String principal) {
        return new SmtpSession("s1", "192.0.2.7", "shop.example.com", true, principal);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    private record Queued(AcceptedSubmission submission, byte[] raw) {}

    private static final class Queue implements SubmissionQueue {

        final List<Queued> entries = new ArrayList<>();
        RuntimeException failure;

        @Override
        public void enqueue(AcceptedSubmission submission, byte[] rawMessage) {
            if (failure != null) {
                throw failure;
            }
            entries.add(new Queued(submission, rawMessage.clone()));
        }
    }

    /** Counts in the database in production; here it notes who asked and gives the answer it was told to. */
    private static final class Limiter extends RecipientRateLimiter {

        final List<String> asked = new ArrayList<>();
        Reply answer = SmtpReplies.RECIPIENT_OK;

        @Override
        public Admission count(long accountId, String recipient) {
            asked.add(accountId + " " + recipient);
            return new Admission(answer, null);
        }
    }
}
