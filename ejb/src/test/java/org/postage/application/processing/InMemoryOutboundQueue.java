package org.postage.application.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The outbound queue as a list of what was enqueued, in order, for tests of the use cases that enqueue. */
public final class InMemoryOutboundQueue implements OutboundQueue {

    /** One enqueued copy: the entry, the bytes travelling beside it and its delivery delay. */
    public record Entry(QueuedMessage message, byte[] content, Duration delay) {}

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public void enqueue(QueuedMessage message, byte[] content, Duration delay) {
        entries.add(new Entry(message, content.clone(), delay));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
