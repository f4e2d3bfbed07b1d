package org.postage.smtp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SmtpThreadPoolTest {

    @Test
    void threadsAreNamedAndCarryTheGivenContextClassLoader() throws Exception {
        ClassLoader loader = new ClassLoader(null) {};
        SmtpThreadPool pool = SmtpThreadPool.create(5, loader, Duration.ofSeconds(1));
        AtomicReference<Thread> seen = new AtomicReference<>();

        pool.submit(() -> seen.set(Thread.currentThread())).get(5, TimeUnit.SECONDS);
        pool.shutdown();

        assertTrue(seen.get().getName().matches("postage-smtp-\\d+"), seen.get().getName());
        assertEquals(loader, seen.get().getContextClassLoader());
        assertEquals(5 + SmtpThreadPool.OVERFLOW_SESSIONS, pool.getMaximumPoolSize());
    }

    @Test
    void anUnboundedWaitForTerminationEndsAfterTheGracePeriodByInterruptingStuckSessions() throws Exception {
        SmtpThreadPool pool = SmtpThreadPool.create(5, getClass().getClassLoader(), Duration.ofMillis(200));
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        pool.execute(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        pool.shutdown();
        long start = System.nanoTime();

        // What SMTPServer.stop() does: wait forever.
        boolean terminated = pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);

        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(terminated);
        assertTrue(interrupted.get());
        assertTrue(waitedMillis >= 190 && waitedMillis < 2000, "waited " + waitedMillis + " ms");
    }
}
