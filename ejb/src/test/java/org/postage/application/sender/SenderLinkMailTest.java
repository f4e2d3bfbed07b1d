package org.postage.application.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postage.application.account.AccountService;
import org.postage.application.ownmail.OwnMail;
import org.postage.application.processing.OutboundQueue;
import org.postage.application.processing.QueuedMessage;
import org.postage.application.processing.SubmissionRecords;
import org.postage.application.support.HostName;
import org.postage.application.support.NotDoneException;
import org.postage.domain.account.Account;
import org.postage.domain.account.AccountRepository;
import org.postage.domain.message.Message;
import org.postage.domain.message.MessageEvent;
import org.postage.domain.message.MessageId;
import org.postage.domain.message.MessageRepository;
import org.postage.domain.message.QueueId;
import org.postage.domain.message.Submission;
import org.postage.domain.sender.Sender;
import org.postage.domain.sender.SenderRepository;

/**
 * A change that mails a verification link is all or nothing, when the message queue fails: against the real
 * services over senders and messages kept in memory, with a queue that throws when told to.
 */
class SenderLinkMailTest {

    private static final Pattern TOKEN = Pattern.compile("verify\\?token=([A-Za-z0-9_-]{43})");

    private final Senders senders = new Senders();
    private final Messages messages = new Messages();
    private final Queue queue = new Queue();
    private final SenderService service = new SenderService();

    SenderLinkMailTest() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        SenderRecords records = new SenderRecords();
        records.senders = senders;
        records.accounts = new Accounts();
        SubmissionRecords submissions = new SubmissionRecords();
        set(submissions, "messages", messages);
        set(submissions, "clock", clock);
        OwnMail ownMail = new OwnMail();
        set(ownMail, "records", submissions);
        set(ownMail, "outbound", queue);
        service.records = records;
        service.accounts = new AccountService() {
            @Override
            public AccountView find(long id) {
                return new AccountView(id, "Shop", Instant.EPOCH, 0, 0);
            }
        };
        service.ownMail = ownMail;
        service.clock = clock;
        service.hostName = new HostName("postage.test");
        service.links = new VerificationLinks("https://postage.test", Duration.ofHours(24));
        service.self = service; // no interceptors here: each of its transactions is just a call
    }

    @Test
    void aSenderWhoseLinkCannotBeQueuedIsNotAddedSoThatARetryIsNot409() {
        queue.failing = true;
        NotDoneException e = assertThrows(NotDoneException.class, () -> service.add(7, "orders@shop.example", false));
        assertEquals(
                "The verification mail to orders@shop.example could not be queued; the sender was not added:"
                        + " try again",
                e.getMessage());
        assertEquals(List.of(), senders.all(), "no sender left behind");
        assertEquals(Map.of(), messages.submissions, "no record of a mail that was never queued");
        assertEquals(List.of(), messages.events);

        queue.failing = false;
        SenderView added = service.add(7, "orders@shop.example", false);
        assertFalse(added.verified());
        assertEquals(1, queue.sent.size());
        assertEquals(1, messages.submissions.size());
        assertTrue(service.pendingFor(token(queue.sent.get(0))).isPresent(), "the mailed link works");
    }

    @Test
    void aNewLinkThatCannotBeQueuedLeavesTheEarlierOneWorking() {
        service.add(7, "orders@shop.example", false);
        String earlier = token(queue.sent.get(0));
        long id = senders.all().get(0).getId();

        queue.failing = true;
        NotDoneException e = assertThrows(NotDoneException.class, () -> service.resendLink(id));
        assertEquals(
                "The verification mail to orders@shop.example could not be queued; the earlier link still works:"
                        + " try again",
                e.getMessage());
        assertTrue(service.pendingFor(earlier).isPresent(), "the earlier link still works");
        assertEquals(1, messages.submissions.size(), "only the mail that was queued is recorded");

        queue.failing = false;
        service.resendLink(id);
        assertFalse(service.pendingFor(earlier).isPresent(), "replaced");
        assertTrue(service.pendingFor(token(queue.sent.get(1))).isPresent());
    }

    @Test
    void aSenderTheOperatorVouchesForNeedsNoQueue() {
        queue.failing = true;
        assertTrue(service.add(7, "orders@shop.example", true).verified());
    }

    private static String token(byte[] mail) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail));
            Matcher matcher = TOKEN.matcher((String) m.getContent());
            assertTrue(matcher.find());
            return matcher.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbound queue; throws as a broker that is down does. */
    static final class Queue implements OutboundQueue {
        boolean failing;
        final List<byte[]> sent = new ArrayList<>();

        @Override
        public void enqueue(QueuedMessage message, byte[] content, Duration delay) {
            if (failing) {
                throw new IllegalStateException("AMQ219010: Connection is destroyed");
            }
            sent.add(content);
        }
    }

    static final class Accounts implements AccountRepository {
        @Override
        public Account add(Account account) {
            return account;
        }

        @Override
        public Optional<Account> find(long id) {
            return Optional.of(new Account("Shop", Instant.EPOCH));
        }
    }

    static final class Senders implements SenderRepository {
        private final Map<Long, Sender> byId = new HashMap<>();
        private long next = 1;

        List<Sender> all() {
            return List.copyOf(byId.values());
        }

        @Override
        public Sender add(Sender sender) {
            set(sender, "id", next);
            byId.put(next++, sender);
            return sender;
        }

        @Override
        public Optional<Sender> find(long id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Sender> find(long accountId, String emailAddress) {
            return byId.values().stream()
                    .filter(s ->
                            s.getAccountId() == accountId && s.getEmailAddress().equals(emailAddress))
                    .findFirst();
        }

        @Override
        public Optional<Sender> findByTokenDigest(String tokenDigest) {
            return byId.values().stream()
                    .filter(s -> tokenDigest.equals(s.link().tokenDigest()))
                    .findFirst();
        }

        @Override
        public List<Sender> ofAccount(long accountId) {
            return byId.values().stream()
                    .filter(s -> s.getAccountId() == accountId)
                    .toList();
        }

        @Override
        public void remove(Sender sender) {
            byId.remove(sender.getId());
        }

        private static void set(Sender sender, String field, Object value) {
            SenderLinkMailTest.set(sender, field, value);
        }
    }

    static final class Messages implements MessageRepository {
        final Map<String, Submission> submissions = new HashMap<>();
        final List<MessageEvent> events = new ArrayList<>();

        @Override
        public void add(Submission submission) {
            submissions.put(submission.getId(), submission);
        }

        @Override
        public Optional<Submission> findSubmission(QueueId id) {
            return Optional.ofNullable(submissions.get(id.value()));
        }

        @Override
        public Optional<Message> find(MessageId id) {
            return findSubmission(id.submission())
                    .flatMap(s -> s.getMessages().stream()
                            .filter(m -> m.getId().equals(id))
                            .findFirst());
        }

        @Override
        public void record(MessageEvent event) {
            events.add(event);
        }

        @Override
        public List<MessageEvent> events(MessageId id) {
            return events.stream()
                    .filter(e -> messageIdOf(e).equals(id.value()))
                    .toList();
        }

        @Override
        public void remove(Submission submission) {
            submissions.remove(submission.getId());
            submission
                    .getMessages()
                    .forEach(m ->
                            events.removeIf(e -> messageIdOf(e).equals(m.getId().value())));
        }

        private static String messageIdOf(MessageEvent event) {
            try {
                Field f = MessageEvent.class.getDeclaredField("messageId");
                f.setAccessible(true);
                return (String) f.get(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
