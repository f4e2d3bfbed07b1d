package org.postage.smtp.server;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one SMTP listener: one per session, bounded, named {@code postage-smtp-N}, with the adapter's
 * class loader as context class loader. Not the JCA WorkManager (its threads are shared with the JMS adapter: idle
 * SMTP connections starved it) and not a ManagedExecutorService (too small, and it refuses shutdown).
 *
 * <p>{@code SMTPServer.stop()} closes every session socket, shuts this pool down and then waits on it with no
 * limit; a session stuck in an application call would hang undeployment. So waiting here is bounded by a grace
 * period, after which the remaining threads are interrupted.
 */
public final class SmtpThreadPool extends ThreadPoolExecutor {

    /** subethasmtp admits this many sessions beyond maxConnections, to answer them 421: they need threads too. */
    static final int OVERFLOW_SESSIONS = 10;

    private static final Logger log = LoggerFactory.getLogger(SmtpThreadPool.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(2);

    private final Duration grace;

    private SmtpThreadPool(int threads, ThreadFactory factory, Duration grace) {
        // The queue never really grows: subethasmtp's accept loop holds at most `threads` sessions at once.
        super(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        allowCoreThreadTimeOut(true);
        this.grace = grace;
    }

    /**
     * @param maxConnections the listener's connection limit
     * @param contextLoader  the context class loader of every session thread
     * @param grace          how long a stop waits for running sessions before interrupting them
     */
    public static SmtpThreadPool create(int maxConnections, ClassLoader contextLoader, Duration grace) {
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "postage-smtp-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(contextLoader);
            return thread;
        };
        return new SmtpThreadPool(maxConnections + OVERFLOW_SESSIONS, factory, grace);
    }

    /** Waits at most the grace period; then interrupts what is left and waits a little more. */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long requested = unit.toNanos(timeout);
        if (requested <= grace.toNanos()) {
            return super.awaitTermination(requested, TimeUnit.NANOSECONDS);
        }
        if (super.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
            return true;
        }
        log.warn(
                "{} SMTP session(s) still running {} ms after stop: interrupting them",
                getActiveCount(),
                grace.toMillis());
        shutdownNow();
        return super.awaitTermination(AFTER_INTERRUPT.toNanos(), TimeUnit.NANOSECONDS);
    }
}
