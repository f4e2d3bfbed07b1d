package org.postage.application.processing;

import java.time.Duration;

/**
 * The durable queue of messages waiting for delivery. An entry is durable when enqueue returns, whatever the
 * caller's transaction does: callers record first and enqueue last, and a redelivered caller enqueues again.
 */
public interface OutboundQueue {

    void enqueue(QueuedMessage message, byte[] content, Duration delay);
}
