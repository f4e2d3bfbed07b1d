package org.postage.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface MessageRepository {

    void add(Submission submission);

    Optional<Submission> findSubmission(QueueId id);

    /** The submissions among {@code ids} that exist, in no particular order: one query. */
    List<Submission> findSubmissions(Collection<QueueId> ids);

    Optional<Message> find(MessageId id);

    /** The messages among {@code ids} that exist, in no particular order: one query. */
    List<Message> find(Collection<MessageId> ids);

    void record(MessageEvent event);

    List<MessageEvent> events(MessageId id);
}
