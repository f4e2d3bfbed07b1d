package org.postage.domain.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submissions, their messages and events kept in memory instead of the database, for tests of the use cases that
 * record them. Like a persistence context, a find returns the object that was added, so its changes are kept.
 */
public final class InMemoryMessages implements MessageRepository {

    private final Map<String, Submission> submissions = new LinkedHashMap<>();
    private final List<MessageEvent> events = new ArrayList<>();
    private int reads;

    @Override
    public void add(Submission submission) {
        if (submissions.putIfAbsent(submission.getId(), submission) != null) {
            throw new IllegalStateException("primary key violation: submission " + submission.getId());
        }
    }

    @Override
    public Optional<Submission> findSubmission(QueueId id) {
        reads++;
        return Optional.ofNullable(submissions.get(id.value()));
    }

    @Override
    public Optional<Message> find(MessageId id) {
        reads++;
        return lookUp(id);
    }

    private Optional<Message> lookUp(MessageId id) {
        return Optional.ofNullable(submissions.get(id.submission().value()))
                .flatMap(s -> s.getMessages().stream()
                        .filter(m -> m.getId().equals(id))
                        .findFirst());
    }

    @Override
    public void remove(Submission submission) {
        submissions.remove(submission.getId());
        events.removeIf(
                e -> submission.getMessages().stream().anyMatch(m -> m.getId().equals(e.getMessageId())));
    }

    @Override
    public void record(MessageEvent event) {
        events.add(event);
    }

    @Override
    public List<MessageEvent> events(MessageId id) {
        return events.stream().filter(e -> e.getMessageId().equals(id)).toList();
    }

    /** Every stored submission, in the order they were added. */
    public List<Submission> submissions() {
        return List.copyOf(submissions.values());
    }

    public Submission submission(QueueId id) {
        return Optional.ofNullable(submissions.get(id.value()))
                .orElseThrow(() -> new AssertionError("no submission " + id));
    }

    public Message message(MessageId id) {
        return lookUp(id).orElseThrow(() -> new AssertionError("no message " + id));
    }

    /** How many reads the code under test made (the helpers above do not count). */
    public int reads() {
        return reads;
    }
}
