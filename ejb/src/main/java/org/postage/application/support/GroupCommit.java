package org.postage.application.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Lets concurrent callers share one database transaction (a group commit): each caller queues its item and waits
 * until a transaction holding it has committed, so nothing returns before its own write is durable. Whoever holds
 * the lock writes everything queued so far in one transaction; the callers that queued meanwhile find their items
 * written when they get the lock. A batch that fails is written again item by item, so one bad item fails only
 * its own caller.
 *
 * @param <T> what one caller records
 */
public final class GroupCommit<T> {

    private static final class Pending<T> {
        final T item;
        boolean done;
        RuntimeException failure;

        Pending(T item) {
            this.item = item;
        }
    }

    private final ReentrantLock writing = new ReentrantLock();
    private final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
    private final int maxBatch;

    /** @param maxBatch the most items one transaction writes */
    public GroupCommit(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    /**
     * Returns once {@code item} is committed, by this thread or another.
     *
     * @param writer writes a batch in one transaction of its own, and throws if that did not commit
     * @throws RuntimeException what writing the item threw (alone, if its batch failed)
     */
    public void commit(T item, Consumer<List<T>> writer) {
        Pending<T> mine = new Pending<>(item);
        queue.add(mine);
        writing.lock();
        try {
            while (!mine.done) {
                List<Pending<T>> batch = new ArrayList<>();
                for (Pending<T> p; batch.size() < maxBatch && (p = queue.poll()) != null; ) {
                    batch.add(p);
                }
                if (batch.isEmpty()) {
                    // Every batch marks its items done, so this cannot happen; never spin if it ever did.
                    throw new IllegalStateException("an item left the group commit queue unwritten");
                }
                write(batch, writer);
            }
        } finally {
            writing.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /**
     * Catches Exception, not only RuntimeException: a failed commit leaves a {@code @Transactional} proxy as the
     * checked jakarta.transaction.RollbackException, thrown undeclared.
     */
    private static <T> void write(List<Pending<T>> batch, Consumer<List<T>> writer) {
        try {
            writer.accept(batch.stream().map(p -> p.item).toList());
        } catch (Exception batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).failure = unchecked(batchFailure);
            } else {
                for (Pending<T> p : batch) {
                    try {
                        writer.accept(List.of(p.item));
                    } catch (Exception e) {
                        p.failure = unchecked(e);
                    }
                }
            }
        } finally {
            batch.forEach(p -> p.done = true);
        }
    }

    private static RuntimeException unchecked(Exception e) {
        return e instanceof RuntimeException r ? r : new IllegalStateException("recording failed: " + e, e);
    }
}
