package org.postage.application.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postage.application.processing.InMemoryOutboundQueue;
import org.postage.application.processing.QueuedMessage;
import org.postage.application.sendingdomain.SendingDomainRecords;
import org.postage.domain.mail.SevenBitConversion;
import org.postage.domain.message.DeliveryState;
import org.postage.domain.message.InMemoryMessages;
import org.postage.domain.message.Message;
import org.postage.domain.message.MessageEvent;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.QueueId;
import org.postage.domain.message.RetryPolicy;
import org.postage.domain.message.Submission;
import org.postage.domain.sendingdomain.DkimKeyPair;
import org.postage.domain.sendingdomain.SendingDomain;
import org.postage.domain.sendingdomain.dns.DnsRequirements;

/**
 * What delivering one queued copy records and queues next, and what goes to the relay: against records, the
 * outbound queue, the relay and the signer kept in memory; the retry policy, return path and signing decisions are
 * the real ones.
 */
class DeliveryServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final RetryPolicy RETRIES =
            new RetryPolicy(Duration.ofMinutes(1), 2, Duration.ofHours(1), Duration.ofDays(5));
    private static final DkimKeyPair KEY = DkimKeyPair.generate();

    private static final byte[] COPY = bytes("From: Shop <orders@shop.example>\r\n"
            + "To: Ann <ann@example.net>\r\n"
            + "Subject: Your order\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n"
            + "\r\n"
            + "<p>Thank you for your order.</p>\r\n");

    private final InMemoryMessages messages = new InMemoryMessages();
    private final InMemoryOutboundQueue queue = new InMemoryOutboundQueue();
    private final ScriptedRelay relay = new ScriptedRelay();
    private final RecordingSigner signer = new RecordingSigner();
    private final Domains domains = new Domains();
    private final DeliveryService delivery = new DeliveryService();

    private final MessageId id;

    DeliveryServiceTest() {
        DeliveryRecords records = new DeliveryRecords();
        records.messages = messages;
        records.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        records.self = records;
        DkimSigning signing = new DkimSigning();
        signing.signer = signer;
        ReturnPath returnPath = new ReturnPath();
        returnPath.requirements = new DnsRequirements("include:spf.postage.test", "pm-bounces", "bounces.postage.test");
        SigningDomains signingDomains = new SigningDomains();
        signingDomains.records = domains;

        delivery.records = records;
        delivery.relay = relay;
        delivery.signing = signing;
        delivery.returnPath = returnPath;
        delivery.domains = signingDomains;
        delivery.queue = queue;
        delivery.retryPolicy = RETRIES;
        delivery.clock = Clock.fixed(NOW, ZoneOffset.UTC);

        QueueId submission = QueueId.next(NOW.toEpochMilli());
        messages.add(new Submission(
                submission, 7, "orders@shop.example", COPY.length, NOW, List.of("ann@example.net"), false));
        id = MessageId.of(submission, 1);
    }

    @Test
    void aCopyTheRelayTakesIsRecordedAsSentAndNotQueuedAgain() {
        relay.answer(DeliveryState.SENT, "250 2.0.0 Ok: queued as 4XyZ");

        delivery.deliver(entry(0, NOW), COPY, false);

        Message m = messages.message(id);
        assertEquals(DeliveryState.SENT, m.getState());
        assertEquals("250 2.0.0 Ok: queued as 4XyZ", m.getLastReply());
        assertEquals(1, m.getAttempts());
        assertEquals(List.of(MessageEvent.Type.SENT), eventTypes());
        assertEquals(NOW, messages.events(id).get(0).getOccurredAt());
        assertEquals(List.of(), queue.entries());
    }

    @Test
    void aCopyTheRelayRefusesIsRecordedAsFailedAndNotQueuedAgain() {
        relay.answer(DeliveryState.FAILED, "550 5.1.1 No such user");

        delivery.deliver(entry(0, NOW), COPY, false);

        assertEquals(DeliveryState.FAILED, messages.message(id).getState());
        assertEquals("550 5.1.1 No such user", messages.message(id).getLastReply());
        assertEquals(List.of(MessageEvent.Type.FAILED), eventTypes());
        assertEquals(List.of(), queue.entries());
    }

    @Test
    void aDeferredCopyIsRecordedAndQueuedAgainUnsignedWithTheFirstDelayOfTheRetryPolicy() {
        domains.add("shop.example");
        relay.answer(DeliveryState.DEFERRED, "451 4.3.0 Try again later");

        delivery.deliver(entry(0, NOW), COPY, false);

        assertEquals(DeliveryState.DEFERRED, messages.message(id).getState());
        assertEquals(List.of(MessageEvent.Type.DEFERRED), eventTypes());
        assertEquals(1, queue.entries().size());
        InMemoryOutboundQueue.Entry next = queue.entries().get(0);
        assertEquals(entry(1, NOW), next.message());
        assertEquals(Duration.ofMinutes(1), next.delay());
        assertArrayEquals(COPY, next.content(), "the next attempt signs afresh");
    }

    @Test
    void eachFurtherDeferralWaitsLongerUpToTheMaximumDelay() {
        relay.answer(DeliveryState.DEFERRED, "451 4.3.0 Try again later");

        delivery.deliver(entry(2, NOW), COPY, false); // the third attempt
        delivery.deliver(entry(9, NOW), COPY, false);

        assertEquals(
                List.of(Duration.ofMinutes(4), Duration.ofHours(1)),
                queue.entries().stream().map(InMemoryOutboundQueue.Entry::delay).toList());
        assertEquals(
                List.of(3, 10),
                queue.entries().stream().map(e -> e.message().attempt()).toList());
    }

    @Test
    void aCopyDeferredWhenItsNextAttemptWouldComePastTheMaximumAgeFailsAndIsNotQueuedAgain() {
        relay.answer(DeliveryState.DEFERRED, "451 4.3.0 Try again later");
        Instant acceptedAt = NOW.minus(Duration.ofDays(5)).plusSeconds(30); // 4 minutes on is too late

        delivery.deliver(entry(2, acceptedAt), COPY, false);

        Message m = messages.message(id);
        assertEquals(DeliveryState.FAILED, m.getState());
        assertEquals("Gave up after 3 attempts over PT120H; last reply: 451 4.3.0 Try again later", m.getLastReply());
        assertEquals(List.of(MessageEvent.Type.FAILED), eventTypes());
        assertEquals(List.of(), queue.entries());
    }

    @Test
    void aCopyDeferredWhenItsNextAttemptStillFitsInTheMaximumAgeIsQueuedAgain() {
        relay.answer(DeliveryState.DEFERRED, "451 4.3.0 Try again later");
        Instant acceptedAt = NOW.minus(Duration.ofDays(5)).plusSeconds(60); // 1 minute on: the last moment

        delivery.deliver(entry(0, acceptedAt), COPY, false);

        assertEquals(DeliveryState.DEFERRED, messages.message(id).getState());
        assertEquals(1, queue.entries().size());
    }

    @Test
    void aRedeliveredEntryWhoseMessageIsAlreadyFinalIsSkipped() {
        messages.message(id).recordAttempt(DeliveryState.SENT, "250 2.0.0 Ok", NOW.minusSeconds(5));

        delivery.deliver(entry(0, NOW), COPY, true);

        assertEquals(List.of(), relay.sent, "nothing relayed");
        assertEquals(1, messages.message(id).getAttempts());
        assertEquals(List.of(), eventTypes());
        assertEquals(List.of(), queue.entries());
    }

    @Test
    void aRedeliveredEntryWhoseMessageIsNotFinalIsDelivered() {
        relay.answer(DeliveryState.SENT, "250 2.0.0 Ok");

        delivery.deliver(entry(0, NOW), COPY, true);

        assertEquals(1, relay.sent.size());
        assertEquals(DeliveryState.SENT, messages.message(id).getState());
    }

    @Test
    void aCopyFromASendingDomainIsSignedWithItsKeyAndSentFromItsReturnPath() {
        domains.add("shop.example");
        relay.answer(DeliveryState.SENT, "250 2.0.0 Ok");

        delivery.deliver(entry(0, NOW), COPY, false);

        Relayed sent = relay.sent.get(0);
        assertEquals("bounce+" + id + "@pm-bounces.shop.example", sent.envelopeSender());
        assertEquals("ann@example.net", sent.recipient());
        assertEquals("DKIM-Signature: v=1; d=shop.example; s=s1; b=signed\r\n" + text(COPY), text(sent.content()));
        assertArrayEquals(COPY, signer.signed.get(0), "the signature covers the bytes relayed after it");
        assertEquals(KEY.privateKey(), signer.keys.get(0));
    }

    @Test
    void aCopyFromNoSendingDomainGoesUnsignedFromTheClientsEnvelopeSender() {
        relay.answer(DeliveryState.SENT, "250 2.0.0 Ok");

        delivery.deliver(entry(0, NOW), COPY, false);

        Relayed sent = relay.sent.get(0);
        assertEquals("orders@shop.example", sent.envelopeSender());
        assertArrayEquals(COPY, sent.content());
        assertEquals(List.of(), signer.signed);
    }

    @Test
    void aReportKeepsTheNullSenderEvenFromASendingDomain() {
        domains.add("shop.example");
        relay.answer(DeliveryState.SENT, "250 2.0.0 Ok");
        QueuedMessage report = new QueuedMessage(id, 7, "", "ann@example.net", NOW, 0);

        delivery.deliver(report, COPY, false);

        assertEquals("", relay.sent.get(0).envelopeSender());
    }

    @Test
    void aCopyWhoseKeyCannotSignGoesOutUnsignedRatherThanNotAtAll() {
        domains.add("shop.example");
        signer.failure = new DkimSigningException("the key is too short");
        relay.answer(DeliveryState.SENT, "250 2.0.0 Ok");

        delivery.deliver(entry(0, NOW), COPY, false);

        assertArrayEquals(COPY, relay.sent.get(0).content());
        assertEquals(
                "bounce+" + id + "@pm-bounces.shop.example", relay.sent.get(0).envelopeSender());
        assertEquals(DeliveryState.SENT, messages.message(id).getState());
    }

    private QueuedMessage entry(int attempt, Instant acceptedAt) {
        return new QueuedMessage(id, 7, "orders@shop.example", "ann@example.net", acceptedAt, attempt);
    }

    private List<MessageEvent.Type> eventTypes() {
        return messages.events(id).stream().map(MessageEvent::getType).toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    private record Relayed(String envelopeSender, String recipient, byte[] content) {}

    /** The next hop: gives the outcome it was told to, and keeps what it was handed. */
    private static final class ScriptedRelay implements Relay {

        final List<Relayed> sent = new ArrayList<>();
        private RelayOutcome outcome;

        void answer(DeliveryState state, String reply) {
            outcome = new RelayOutcome(state, reply);
        }

        /** A hop that offers 8BITMIME, so the bytes are those signed, unconverted. */
        @Override
        public RelayOutcome send(String envelopeSender, String recipient, OutgoingContent content) {
            try {
                sent.add(new Relayed(envelopeSender, recipient, content.bytesFor(true)));
            } catch (SevenBitConversion.NotConvertible e) {
                throw new AssertionError("an 8BITMIME hop needs no conversion", e);
            }
            if (outcome == null) {
                throw new AssertionError("no outcome scripted");
            }
            return outcome;
        }
    }

    /** A signature that names what it was made with; or the failure it was told to throw. */
    private static final class RecordingSigner implements MessageSigner {

        final List<byte[]> signed = new ArrayList<>();
        final List<PrivateKey> keys = new ArrayList<>();
        DkimSigningException failure;

        @Override
        public String sign(byte[] raw, String domain, String selector, PrivateKey key) {
            signed.add(raw.clone());
            keys.add(key);
            if (failure != null) {
                throw failure;
            }
            return "DKIM-Signature: v=1; d=" + domain + "; s=" + selector + "; b=signed\r\n";
        }
    }

    private static final class Domains extends SendingDomainRecords {

        final Map<String, SendingDomain> byName = new HashMap<>();

        void add(String name) {
            byName.put(name, new SendingDomain(7, name, "s1", KEY.privateKeyPkcs8Base64(), true, NOW));
        }

        @Override
        public Optional<SendingDomain> find(String name) {
            return Optional.ofNullable(byName.get(name));
        }
    }
}
