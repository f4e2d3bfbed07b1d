package org.postage.interfaces.timer;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.postage.application.sendingdomain.DomainService;

/**
 * Checks sending domains' DNS every six hours: those not yet authenticated (the owner may have published the
 * records since) and those last checked over a day ago (records can be removed). Not persistent: a missed run is
 * simply the next one; a singleton, so runs never overlap.
 */
@Singleton
public class DomainCheckTimer {

    private static final Duration RECHECK_AFTER = Duration.ofDays(1);

    @Inject
    DomainService domains;

    /**
     * Outside any transaction: each domain's verdict commits on its own, and no transaction (or connection) waits
     * on DNS; the container's default would hold one across all the checks and roll them all back at its timeout.
     */
    @Schedule(hour = "*/6", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void checkDomains() {
        domains.checkDue(RECHECK_AFTER);
    }
}
