package org.postage.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.postage.domain.sendingdomain.SendingDomain;
import org.postage.domain.sendingdomain.SendingDomainRepository;

@ApplicationScoped
public class JpaSendingDomainRepository implements SendingDomainRepository {

    @PersistenceContext
    EntityManager em;

    /** Flushed at once, so that a duplicate shows here, where the caller can still name it. */
    @Override
    public SendingDomain add(SendingDomain domain) {
        em.persist(domain);
        em.flush();
        return domain;
    }

    @Override
    public Optional<SendingDomain> find(String name) {
        // One statement with the records (eager: otherwise a second select per lookup), read as a list: every
        // submission is checked against its domain, and Hibernate's stream over a scroll cost more than the rows.
        return em
                .createQuery(
                        "select d from SendingDomain d left join fetch d.records where d.name = :name",
                        SendingDomain.class)
                .setParameter("name", name)
                .getResultList()
                .stream()
                .findFirst();
    }

    @Override
    public List<String> dueForCheck(Instant checkedBefore) {
        // Authentication depends on the records, so the filter on it runs here rather than in the query.
        return em.createQuery("select d from SendingDomain d where d.skipDnsCheck = false", SendingDomain.class)
                .getResultStream()
                .filter(d -> !d.isAuthenticated()
                        || d.getCheckedAt() == null
                        || d.getCheckedAt().isBefore(checkedBefore))
                .map(SendingDomain::getName)
                .toList();
    }

    @Override
    public List<String> withUnansweredRecords() {
        return em.createQuery(
                        "select distinct d.name from SendingDomain d join d.records r"
                                + " where d.skipDnsCheck = false and r.dnsErrorAt is not null",
                        String.class)
                .getResultList();
    }
}
