package org.postage.application.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void aLoneCallerWritesItsOwnItem() {
        List<List<Integer>> batches = new ArrayList<>();
        new GroupCommit<Integer>(8).commit(1, batches::add);
        assertEquals(List.of(List.of(1)), batches);
    }

    @Test
    void callersQueuedDuringAWriteShareTheNextTransactionAndEachReturnsOnlyOnceWritten() throws Exception {
        GroupCommit<Integer> group = new GroupCommit<>(8);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        Consumer<List<Integer>> writer = batch -> {
            if (batch.contains(0)) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            batches.add(batch);
            committed.addAll(batch);
        };
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<?> first = pool.submit(() -> group.commit(0, writer));
            assertTrue(firstWriteStarted.await(5, TimeUnit.SECONDS));
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int item = i;
                others.add(pool.submit(() -> {
                    group.commit(item, writer);
                    assertTrue(committed.contains(item), "returned before its item was written");
                }));
            }
            Thread.sleep(200); // the four are queued behind the first write
            releaseFirstWrite.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (Future<?> f : others) {
                f.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, batches.size(), "the four waiting callers shared one transaction: " + batches);
        assertEquals(4, batches.get(1).size());
    }

    @Test
    void aFailingBatchIsWrittenAgainItemByItemSoOnlyTheBadItemsCallerFails() throws Exception {
        GroupCommit<Integer> group = new GroupCommit<>(8);
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        Consumer<List<Integer>> writer = batch -> {
            if (batch.contains(0)) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            if (batch.contains(13)) {
                throw new IllegalStateException("bad item");
            }
            committed.addAll(batch);
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = pool.submit(() -> group.commit(0, writer));
            assertTrue(firstWriteStarted.await(5, TimeUnit.SECONDS));
            Future<?> good = pool.submit(() -> group.commit(1, writer));
            Future<?> bad = pool.submit(() -> group.commit(13, writer));
            Future<?> good2 = pool.submit(() -> group.commit(2, writer));
            Thread.sleep(200);
            releaseFirstWrite.countDown();
            first.get(5, TimeUnit.SECONDS);
            good.get(5, TimeUnit.SECONDS);
            good2.get(5, TimeUnit.SECONDS);
            Exception failure = assertThrows(Exception.class, () -> bad.get(5, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof IllegalStateException, failure.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(0, 1, 2), committed.stream().sorted().toList());
    }

    @Test
    void aCheckedFailureThrownUndeclaredFailsItsCallersAndLeavesNoneWaiting() throws Exception {
        // What a @Transactional proxy does when the commit fails: jakarta.transaction.RollbackException, undeclared.
        GroupCommit<Integer> group = new GroupCommit<>(8);
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        Consumer<List<Integer>> writer = batch -> {
            if (batch.contains(0)) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
                return;
            }
            GroupCommitTest.<RuntimeException>sneakyThrow(new Exception("commit failed"));
        };
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = pool.submit(() -> group.commit(0, writer));
            assertTrue(firstWriteStarted.await(5, TimeUnit.SECONDS));
            Future<?> a = pool.submit(() -> group.commit(1, writer));
            Future<?> b = pool.submit(() -> group.commit(2, writer));
            Thread.sleep(200); // both queued behind the first write, so they share the failing batch
            releaseFirstWrite.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (Future<?> f : List.of(a, b)) {
                Exception failure = assertThrows(Exception.class, () -> f.get(5, TimeUnit.SECONDS));
                assertTrue(failure.getCause() instanceof IllegalStateException, failure.toString());
                assertTrue(failure.getCause().getMessage().contains("commit failed"), failure.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
