package org.postage.domain;

import java.util.Optional;

public interface MessageRepository {

    void add(Message message);

    Optional<Message> find(QueueId queueId);
}
