package org.postage.interfaces;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import org.postage.application.DomainService;

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

    @Schedule(hour = "*/6", minute = "17", persistent = false)
    void checkDomains() {
        domains.checkDue(RECHECK_AFTER);
    }
}
