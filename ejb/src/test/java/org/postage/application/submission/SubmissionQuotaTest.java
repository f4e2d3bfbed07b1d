package org.postage.application.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postage.api.Envelope;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.api.SmtpSession;
import org.postage.application.processing.InMemorySubmitters;
import org.postage.application.ratelimit.InMemoryRateCounterRows;
import org.postage.application.ratelimit.MovableClock;
import org.postage.application.support.HostName;
import org.postage.domain.ratelimit.RateLimits;
import org.postage.domain.ratelimit.RecipientRateCounter.Period;

/**
 * Rate-limit quota is used only by mail that is accepted: what a transaction counted at RCPT is given back when the
 * resource adapter reports it abandoned (RSET, a DATA answered 4xx or 5xx, a drop), and a recipient given twice is
 * counted and queued once. With the real limiter counting in rows kept in memory, one message per recipient and
 * minute allowed.
 */
class SubmissionQuotaTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:15:30Z");
    private static final long SECOND = NOW.getEpochSecond();
    private static final String ANN = "ann@example.net";
    private static final byte[] ORDER = ("From: Shop <orders@shop.example>\r\n"
                    + "To: Ann <ann@example.net>\r\n"
                    + "Subject: Your order\r\n"
                    + "Content-Type: text/html; charset=UTF-8\r\n"
                    + "\r\n"
                    + "<p>Thank you for your order.</p>\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT_ONLY = new String(ORDER, StandardCharsets.US_ASCII)
            .replace("text/html", "text/plain")
            .getBytes(StandardCharsets.US_ASCII);

    private final InMemorySubmitters submitters = new InMemorySubmitters();
    private final InMemoryRateCounterRows rows = new InMemoryRateCounterRows();
    private final MovableClock clock = new MovableClock(NOW);
    private final Queue queue = new Queue();
    private final SubmissionService service = new SubmissionService();

    SubmissionQuotaTest() {
        service.credentials = submitters.credentials();
        service.queue = queue;
        service.clock = clock;
        service.policy = submitters.policy();
        service.rateLimiter = rows.limiter(clock, new RateLimits(1, 100));
        service.senderRule = submitters.senderRule();
        service.hostName = new HostName("postage.test");
        service.transactions = new OpenMailTransactions();
        service.disk = new DiskGuard();
        service.disk.space = new TestDisk(); // room enough: this test is about quota, not storage
        service.disk.reserve = DiskReserve.ofMebibytes(64);
        service.disk.clock = clock;
        service.transactions.clock = clock;
        submitters.credential(7, "smtp-a", "secret");
        submitters.verifiedSender(7, "orders@shop.example");
        submitters.authenticatedDomain(7, "shop.example");
    }

    @Test
    void rsetGivesBackWhatTheTransactionCounted() {
        SmtpSession s = session("s1", "7:smtp-a");
        mail(s);
        assertEquals(SmtpReplies.RECIPIENT_OK, service.admitRecipient(s, ANN));
        assertEquals(1, minuteCount(ANN));

        service.abandon(s); // RSET

        assertEquals(0, minuteCount(ANN));
        assertEquals(0, hourCount(ANN));
        mail(s);
        assertEquals(SmtpReplies.RECIPIENT_OK, service.admitRecipient(s, ANN), "the quota is there again");
    }

    @Test
    void aClientRetryingAfterA451AtDataIsNotRefused450() {
        SmtpSession s = session("s1", "7:smtp-a");
        mail(s);
        service.admitRecipient(s, ANN);
        queue.failure = new IllegalStateException("the journal is full");
        assertThrows(IllegalStateException.class, () -> service.accept(s, envelope(ANN), ORDER)); // the 451
        service.abandon(s);

        queue.failure = null;
        SmtpSession retry = session("s2", "7:smtp-a");
        mail(retry);
        assertEquals(SmtpReplies.RECIPIENT_OK, service.admitRecipient(retry, ANN));
        assertEquals(250, service.accept(retry, envelope(ANN), ORDER).code());

        mail(retry);
        assertEquals(450, service.admitRecipient(retry, ANN).code(), "the accepted message's count stands");
    }

    @Test
    void aDataAnswered250WhoseTransactionDoesNotCommitGivesBackWhenTheAdapterReportsIt() {
        SmtpSession s = session("s1", "7:smtp-a");
        mail(s);
        service.admitRecipient(s, ANN);
        assertEquals(250, service.accept(s, envelope(ANN), ORDER).code());

        service.abandon(s); // the commit failed or ended in doubt: the adapter answers 451 and reports it

        assertEquals(0, minuteCount(ANN));
    }

    @Test
    void aRefusalInSessionAtDataGivesBack() {
        SmtpSession s = session("s1", "7:smtp-a:refuse");
        mail(s);
        service.admitRecipient(s, ANN);

        assertEquals(550, service.accept(s, envelope(ANN), TEXT_ONLY).code());
        service.abandon(s);

        assertEquals(0, minuteCount(ANN));
        assertEquals(List.of(), queue.entries);
    }

    @Test
    void theCountsOfAnAcceptedMessageStandWhenTheSessionGoesOn() {
        SmtpSession s = session("s1", "7:smtp-a");
        mail(s);
        service.admitRecipient(s, ANN);
        assertEquals(250, service.accept(s, envelope(ANN), ORDER).code());

        mail(s); // the next transaction: the adapter did not report the last one, so its message was answered 250
        assertEquals(SmtpReplies.RECIPIENT_OK, service.admitRecipient(s, "bob@example.net"));
        service.abandon(s); // RSET gives back only this transaction's own

        assertEquals(1, minuteCount(ANN));
        assertEquals(0, minuteCount("bob@example.net"));
    }

    @Test
    void aTransactionWhoseMessageWasQueuedIsForgottenAMinuteLaterAndItsCountsStand() {
        SmtpSession s = session("s1", "7:smtp-a");
        mail(s);
        service.admitRecipient(s, ANN);
        assertEquals(250, service.accept(s, envelope(ANN), ORDER).code());
        clock.advance(OpenMailTransactions.HANDED_OVER_GRACE.plusSeconds(1));

        SmtpSession other = session("s2", "7:smtp-a"); // any later message forgets what is past its grace
        mail(other);
        service.admitRecipient(other, "bob@example.net");
        service.accept(other, envelope("bob@example.net"), ORDER);

        assertEquals(1, service.transactions.size(), "only the latest is held");
        service.abandon(s); // a report that late finds nothing to give back
        assertEquals(1, minuteCount(ANN));
    }

    @Test
    void aRecipientGivenTwiceInOneTransactionIsAnswered250AgainButCountedAndQueuedOnce() {
        SmtpSession s = session("s1", "7:smtp-a");
        mail(s);
        assertEquals(SmtpReplies.RECIPIENT_OK, service.admitRecipient(s, "Ann@Example.NET"));
        assertEquals(SmtpReplies.RECIPIENT_OK, service.admitRecipient(s, ANN), "the limit of 1 is not reached");
        assertEquals(SmtpReplies.RECIPIENT_OK, service.admitRecipient(s, "bob@example.net"));
        assertEquals(1, minuteCount(ANN));

        Reply reply = service.accept(s, envelope("Ann@Example.NET", ANN, "bob@example.net", ANN), ORDER);

        assertEquals(250, reply.code());
        assertEquals(
                List.of("Ann@Example.NET", "bob@example.net"),
                queue.entries.get(0).recipients(),
                "one copy each, in the first spelling");
    }

    @Test
    void aRecipientGivenTwiceAndAbandonedIsGivenBackOnce() {
        rows.limits(7, new RateLimits(2, 100));
        SmtpSession s = session("s1", "7:smtp-a");
        mail(s);
        service.admitRecipient(s, ANN);
        service.admitRecipient(s, ANN);
        service.abandon(s);
        mail(s);
        service.admitRecipient(s, ANN);
        assertEquals(250, service.accept(s, envelope(ANN), ORDER).code());

        assertEquals(1, minuteCount(ANN));
    }

    @Test
    void transactionsOfDifferentSessionsAreApart() {
        SmtpSession one = session("s1", "7:smtp-a");
        SmtpSession two = session("s2", "7:smtp-a");
        rows.limits(7, new RateLimits(2, 100));
        mail(one);
        mail(two);
        service.admitRecipient(one, ANN);
        service.admitRecipient(two, ANN);
        assertEquals(2, minuteCount(ANN), "the same address in two transactions is two messages");

        service.abandon(two);

        assertEquals(1, minuteCount(ANN));
        assertEquals(250, service.accept(one, envelope(ANN), ORDER).code());
    }

    @Test
    void aTransactionOpenLongerThanItsWindowsIsForgottenByTheJanitor() {
        SmtpSession s = session("s1", "7:smtp-a");
        mail(s);
        service.admitRecipient(s, ANN);
        clock.advance(Duration.ofHours(1));
        assertEquals(0, service.transactions.forgetStale());
        clock.advance(OpenMailTransactions.STALE_AFTER);

        assertEquals(1, service.transactions.forgetStale());
        assertEquals(0, service.transactions.size());
    }

    private void mail(SmtpSession s) {
        assertEquals(SmtpReplies.SENDER_OK, service.admitSender(s, "orders@shop.example"));
    }

    private int minuteCount(String address) {
        return rows.count(7, address, Period.MINUTE, SECOND);
    }

    private int hourCount(String address) {
        return rows.count(7, address, Period.HOUR, SECOND);
    }

    private static Envelope envelope(String... recipients) {
        return new Envelope("orders@shop.example", List.of(recipients));
    }

    private static SmtpSession session(String id, String principal) {
        return new SmtpSession(id, "192.0.2.7", "shop.example.com", true, principal);
    }

    private static final class Queue implements SubmissionQueue {

        final List<AcceptedSubmission> entries = new ArrayList<>();
        RuntimeException failure;

        @Override
        public void enqueue(AcceptedSubmission submission, byte[] rawMessage) {
            if (failure != null) {
                throw failure;
            }
            entries.add(submission);
        }
    }
}
