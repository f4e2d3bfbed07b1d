package org.postage.application.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postage.application.ownmail.OwnMail;
import org.postage.application.processing.InMemoryOutboundQueue.Entry;
import org.postage.application.submission.AcceptedSubmission;
import org.postage.application.support.HostName;
import org.postage.domain.message.DeliveryState;
import org.postage.domain.message.InMemoryMessages;
import org.postage.domain.message.Message;
import org.postage.domain.message.MessageEvent;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.QueueId;
import org.postage.domain.message.Submission;

/**
 * What processing makes of an accepted submission: one queued copy per recipient, or a rejection and one report;
 * and, handed out again after a crash, what it decided the first time. Against records, the outbound queue and
 * Postage's own mail kept in memory; the rules and the records' logic are the real ones.
 */
class ProcessingServiceTest {

    private static final Instant ACCEPTED = Instant.parse("2026-11-26T09:15:30Z");
    private static final Clock CLOCK = Clock.fixed(ACCEPTED.plusSeconds(2), ZoneOffset.UTC);

    private static final String RECEIVED = "Received: from shop.example.com ([192.0.2.7])\r\n"
            + "\tby postage.test (Postage) with ESMTPSA id 01JD2Q3R4S5T6V7W;\r\n"
            + "\tThu, 26 Nov 2026 10:15:30 +0100\r\n";
    private static final String BODY = "\r\n<p>Thank you for your order.</p>\r\n";

    /** As a client submits it, with the Received field acceptance prepended. */
    private static final byte[] ORDER = bytes(RECEIVED
            + "From: Shop <orders@shop.example>\r\n"
            + "To: Ann <ann@example.net>\r\n"
            + "Bcc: boss@shop.example\r\n"
            + "Subject: Your order\r\n"
            + "Message-ID: <order-12345@shop.example>\r\n"
            + "X-Flexmail-Tag: order_confirmation\r\n"
            + "X-Flexmail-Metadata-order_id: 12345\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n"
            + BODY);

    /** Breaks the content rule that a message has an HTML body. */
    private static final byte[] TEXT_ONLY = bytes(RECEIVED
            + "From: Shop <orders@shop.example>\r\n"
            + "To: Ann <ann@example.net>\r\n"
            + "Subject: Your order\r\n"
            + "Content-Type: text/plain\r\n"
            + "\r\n"
            + "Thank you for your order.\r\n");

    private final InMemorySubmitters submitters = new InMemorySubmitters();
    private final InMemoryMessages messages = new InMemoryMessages();
    private final InMemoryOutboundQueue outbound = new InMemoryOutboundQueue();
    private final Reports reports = new Reports();

    private final AcceptedSubmission entry = new AcceptedSubmission(
            QueueId.next(ACCEPTED.toEpochMilli()),
            7,
            "smtp-a",
            "orders@shop.example",
            List.of("ann@example.net", "boss@shop.example"),
            ACCEPTED);
    private final MessageId first = MessageId.of(entry.id(), 1);
    private final MessageId second = MessageId.of(entry.id(), 2);

    ProcessingServiceTest() {
        submitters.credential(7, "smtp-a", "secret");
        submitters.verifiedSender(7, "orders@shop.example");
        submitters.authenticatedDomain(7, "shop.example");
    }

    @Test
    void anAcceptedSubmissionIsRecordedWithItsOptionsAndQueuedAsOneCopyPerRecipient() {
        processing(false).process(entry, ORDER);

        Submission stored = messages.submission(entry.id());
        assertFalse(stored.isRejected());
        assertEquals(ORDER.length, stored.getSizeBytes());
        assertEquals("order_confirmation", stored.getTag());
        assertEquals(
                Map.of("order_id", "12345", "original_message_id", "<order-12345@shop.example>"), stored.getMetadata());
        assertEquals(
                List.of(
                        new QueuedMessage(first, 7, "orders@shop.example", "ann@example.net", ACCEPTED, 0),
                        new QueuedMessage(second, 7, "orders@shop.example", "boss@shop.example", ACCEPTED, 0)),
                queued());
        assertEquals(List.of(Duration.ZERO, Duration.ZERO), delays());
        assertEquals(List.of(MessageEvent.Type.QUEUED), eventTypes(first));
        assertEquals(List.of(MessageEvent.Type.QUEUED), eventTypes(second));
        assertTrue(reports.sent.isEmpty());
    }

    @Test
    void eachCopyLosesTheFlexmailHeadersAndBccAndGetsItsOwnMessageIdUnderTheHostName() {
        processing(false).process(entry, ORDER);

        List<Entry> copies = outbound.entries();
        assertEquals(2, copies.size());
        for (int i = 0; i < copies.size(); i++) {
            assertEquals(
                    RECEIVED
                            + "From: Shop <orders@shop.example>\r\n"
                            + "To: Ann <ann@example.net>\r\n"
                            + "Subject: Your order\r\n"
                            + "MIME-Version: 1.0\r\n"
                            + "Content-Type: text/html; charset=UTF-8\r\n"
                            + "Message-ID: <" + MessageId.of(entry.id(), i + 1) + "@postage.test>\r\n"
                            + BODY,
                    text(copies.get(i).content()));
        }
    }

    @Test
    void theClientsMessageIdIsKeptWhenTheMessageIdPolicySaysSo() {
        processing(true).process(entry, ORDER);

        String expected = RECEIVED
                + "From: Shop <orders@shop.example>\r\n"
                + "To: Ann <ann@example.net>\r\n"
                + "Subject: Your order\r\n"
                + "Message-ID: <order-12345@shop.example>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + BODY;
        assertEquals(
                List.of(expected, expected),
                outbound.entries().stream().map(e -> text(e.content())).toList());
        assertEquals(
                "<order-12345@shop.example>",
                messages.submission(entry.id()).getMetadata().get("original_message_id"));
    }

    @Test
    void aBrokenContentRuleRecordsTheSubmissionAsRejectedAndSendsOneReportToTheEnvelopeSender() {
        processing(false).process(entry, TEXT_ONLY);

        String reason = "The message has no text/html body (it has only text/plain)";
        Submission stored = messages.submission(entry.id());
        assertTrue(stored.isRejected());
        assertEquals(reason, stored.getRejectionReason());
        for (Message m : stored.getMessages()) {
            assertEquals(DeliveryState.REJECTED, m.getState());
            assertEquals(reason, m.getLastReply());
        }
        assertEquals(List.of(MessageEvent.Type.REJECTED), eventTypes(first));
        assertEquals(List.of(), outbound.entries(), "no copy goes out");

        assertEquals(1, reports.sent.size());
        Report report = reports.sent.get(0);
        assertEquals(7, report.accountId());
        assertEquals("orders@shop.example", report.recipient());
        String ndr = text(report.content());
        assertTrue(ndr.contains("report-type=delivery-status"), ndr);
        assertTrue(ndr.contains("X-Postage-Queue-ID: " + entry.id()), ndr);
        assertTrue(ndr.contains("Final-Recipient: rfc822; ann@example.net"), ndr);
        assertTrue(ndr.contains("Final-Recipient: rfc822; boss@shop.example"), ndr);
        assertTrue(ndr.contains("Status: 5.6.0"), ndr);
        assertTrue(ndr.contains(reason), ndr);
    }

    @Test
    void aFromAddressThatIsNeitherAVerifiedSenderNorOfASendingDomainIsReportedForBothWith5_7_1() {
        byte[] raw = bytes(new String(ORDER, StandardCharsets.US_ASCII)
                .replace("From: Shop <orders@shop.example>", "From: News <news@other.example>"));

        processing(false).process(entry, raw);

        assertEquals(
                "The From address <news@other.example> is not a verified sender of this account; "
                        + "The From domain other.example is not a sending domain of this account",
                messages.submission(entry.id()).getRejectionReason());
        assertEquals(List.of(), outbound.entries());
        assertEquals(1, reports.sent.size());
        assertTrue(text(reports.sent.get(0).content()).contains("Status: 5.7.1"));
    }

    @Test
    void aBrokenSubmissionFromTheNullSenderIsRecordedAsRejectedButNotReported() {
        AcceptedSubmission fromNullSender =
                new AcceptedSubmission(entry.id(), 7, "smtp-a", "", entry.recipients(), entry.acceptedAt());

        processing(false).process(fromNullSender, TEXT_ONLY);

        assertTrue(messages.submission(entry.id()).isRejected());
        assertEquals(List.of(), outbound.entries());
        assertEquals(List.of(), reports.sent);
    }

    @Test
    void aRedeliveredAcceptedSubmissionIsQueuedAgainWithTheIdsItWasGivenTheFirstTime() {
        ProcessingService processing = processing(false);
        processing.process(entry, ORDER);
        processing.process(entry, ORDER);

        assertEquals(1, messages.submissions().size());
        assertEquals(
                List.of(first, second, first, second),
                queued().stream().map(QueuedMessage::messageId).toList());
        assertEquals(List.of(MessageEvent.Type.QUEUED), eventTypes(first), "recorded once");
    }

    @Test
    void aRedeliveredSubmissionStoredAsAcceptedStillHasItsMessagesQueuedWhenNowJudgedBroken() {
        ProcessingService processing = processing(false);
        processing.process(entry, ORDER);
        submitters.removeSender(7, "orders@shop.example");
        assertFalse(submitters.policy().judge(7, "smtp-a", ORDER).isAccepted(), "judged broken now");

        processing.process(entry, ORDER);

        assertEquals(
                List.of(first, second, first, second),
                queued().stream().map(QueuedMessage::messageId).toList());
        Submission stored = messages.submission(entry.id());
        assertFalse(stored.isRejected());
        assertEquals(DeliveryState.QUEUED, stored.getMessages().get(0).getState());
        assertEquals(List.of(), reports.sent, "no report for a submission that was accepted");
    }

    @Test
    void aRedeliveredSubmissionStoredAsRejectedIsNotReportedTwiceNorQueuedWhenNowJudgedFine() {
        submitters.removeSender(7, "orders@shop.example");
        ProcessingService processing = processing(false);
        processing.process(entry, ORDER);
        assertEquals(1, reports.sent.size());
        submitters.verifiedSender(7, "orders@shop.example");
        assertTrue(submitters.policy().judge(7, "smtp-a", ORDER).isAccepted(), "judged fine now");

        processing.process(entry, ORDER);

        assertEquals(List.of(), outbound.entries());
        assertEquals(1, reports.sent.size());
        Submission stored = messages.submission(entry.id());
        assertTrue(stored.isRejected());
        assertEquals(DeliveryState.REJECTED, stored.getMessages().get(0).getState());
    }

    @Test
    void aRedeliveredSubmissionStillBrokenIsReportedAgainSinceTheFirstReportMayNeverHaveBeenQueued() {
        ProcessingService processing = processing(false);
        processing.process(entry, TEXT_ONLY);
        processing.process(entry, TEXT_ONLY);

        assertEquals(1, messages.submissions().size());
        assertEquals(List.of(MessageEvent.Type.REJECTED), eventTypes(first), "recorded once");
        assertEquals(2, reports.sent.size());
        assertEquals(List.of(), outbound.entries());
    }

    private ProcessingService processing(boolean keepClientMessageId) {
        SubmissionRecords records = new SubmissionRecords();
        records.messages = messages;
        records.clock = CLOCK;
        records.self = records;
        SubmissionReports submissionReports = new SubmissionReports();
        submissionReports.ownMail = reports;
        submissionReports.clock = CLOCK;
        submissionReports.hostName = new HostName("postage.test");

        ProcessingService processing = new ProcessingService();
        processing.records = records;
        processing.outbound = outbound;
        processing.policy = submitters.policy();
        processing.reports = submissionReports;
        processing.hostName = new HostName("postage.test");
        processing.messageIds = new MessageIdPolicy(keepClientMessageId);
        return processing;
    }

    private List<QueuedMessage> queued() {
        return outbound.entries().stream().map(Entry::message).toList();
    }

    private List<Duration> delays() {
        return outbound.entries().stream().map(Entry::delay).toList();
    }

    private List<MessageEvent.Type> eventTypes(MessageId id) {
        return messages.events(id).stream().map(MessageEvent::getType).toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private record Report(QueueId queueId, long accountId, String recipient, byte[] content) {}

    /** Postage's own mail as a list of what it was asked to send. */
    private static final class Reports extends OwnMail {

        final List<Report> sent = new ArrayList<>();

        @Override
        public MessageId send(QueueId queueId, long accountId, String recipient, byte[] content, Instant now) {
            sent.add(new Report(queueId, accountId, recipient, content));
            return MessageId.of(queueId, 1);
        }
    }
}
