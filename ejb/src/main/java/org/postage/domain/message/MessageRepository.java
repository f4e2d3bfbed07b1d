package org.postage.domain.message;

import java.util.List;
import java.util.Optional;

public interface MessageRepository {

    void add(Submission submission);

    Optional<Submission> findSubmission(QueueId id);

    Optional<Message> find(MessageId id);

    void record(MessageEvent event);

    List<MessageEvent> events(MessageId id);

    /** Removes a submission with its messages and their events: mail recorded but never queued. */
    void remove(Submission submission);
}
