package org.postage.application.sendingdomain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.postage.application.account.UnknownAccountException;
import org.postage.application.delivery.SigningDomains;
import org.postage.application.support.UniqueKeys;
import org.postage.domain.account.AccountRepository;
import org.postage.domain.sendingdomain.DomainRecordStatus;
import org.postage.domain.sendingdomain.SendingDomain;
import org.postage.domain.sendingdomain.SendingDomainRepository;

/**
 * Stores sending domains, each call in its own short transaction: a DNS check takes seconds and must not hold a
 * transaction (or a database connection) while it waits for answers.
 */
@ApplicationScoped
public class SendingDomainRecords {

    @Inject
    SendingDomainRepository domains;

    @Inject
    AccountRepository accounts;

    /** Tells the caches of this node ({@link SigningDomains}) once the change has committed. */
    @Inject
    Event<SendingDomainChanged> changes;

    @Transactional
    public SendingDomain add(SendingDomain domain) {
        accounts.find(domain.getAccountId()).orElseThrow(() -> new UnknownAccountException(domain.getAccountId()));
        if (domains.find(domain.getName()).isPresent()) {
            throw new DuplicateDomainException(domain.getName());
        }
        changes.fire(new SendingDomainChanged(domain.getName()));
        try {
            return domains.add(domain);
        } catch (PersistenceException e) {
            // Added by two requests at once: the unique key let the other one win.
            if (UniqueKeys.isViolation(e)) {
                throw new DuplicateDomainException(domain.getName());
            }
            throw e;
        }
    }

    /**
     * In a transaction of its own: called at the end of DATA, where the caller's transaction must hold only the
     * submission queue (ADR 0001), not a database connection too.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SendingDomain> find(String name) {
        return domains.find(name);
    }

    @Transactional
    public Optional<SendingDomain> storeCheck(String name, List<DomainRecordStatus> results, Instant at) {
        Optional<SendingDomain> domain = domains.find(name);
        domain.ifPresent(d -> {
            d.recordCheck(results, at);
            changes.fire(new SendingDomainChanged(d.getName()));
        });
        return domain;
    }

    @Transactional
    public List<String> dueForCheck(Instant checkedBefore) {
        return domains.dueForCheck(checkedBefore);
    }

    @Transactional
    public List<String> withUnansweredRecords() {
        return domains.withUnansweredRecords();
    }
}
