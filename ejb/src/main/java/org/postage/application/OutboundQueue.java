package org.postage.application;

import java.time.Duration;

/** The durable queue of messages waiting for delivery. Enqueueing joins the caller's transaction. */
public interface OutboundQueue {

    void enqueue(QueuedMessage message, byte[] content, Duration delay);
}
