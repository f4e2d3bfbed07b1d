package org.postage.interfaces.timer;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.postage.application.sendingdomain.DomainService;

/**
 * Checks sending domains' DNS every six hours: those not yet authenticated (the owner may have published the
 * records since) and those last checked over a day ago (records can be removed). Every five minutes it asks again
 * for the records that DNS did not answer for at the last check (timeout, SERVFAIL): they keep their last verdict
 * meanwhile, and should not wait six hours for the real one. Not persistent: a missed run is simply the next one.
 * One run at a time, under a lock of its own rather than the container's: a retry that finds the six-hourly run
 * under way is skipped (the next one comes in five minutes), while the six-hourly run waits for a retry to end.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DomainCheckTimer {

    private static final Duration RECHECK_AFTER = Duration.ofDays(1);

    private final ReentrantLock running = new ReentrantLock();

    @Inject
    DomainService domains;

    /**
     * Outside any transaction: each domain's verdict commits on its own, and no transaction (or connection) waits
     * on DNS; the container's default would hold one across all the checks and roll them all back at its timeout.
     */
    @Schedule(hour = "*/6", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void checkDomains() {
        running.lock();
        try {
            domains.checkDue(RECHECK_AFTER);
        } finally {
            running.unlock();
        }
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void retryUnanswered() {
        if (!running.tryLock()) {
            return;
        }
        try {
            domains.retryUnanswered();
        } finally {
            running.unlock();
        }
    }
}
