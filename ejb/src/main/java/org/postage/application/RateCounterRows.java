package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.postage.domain.RecipientRateCounter;

/**
 * Creates counter rows in a transaction of their own: when another node creates the same row first, only this
 * small transaction fails, and the caller goes on with the row the other node made.
 */
@ApplicationScoped
public class RateCounterRows {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createIfAbsent(RecipientRateCounter.Key key) {
        if (em.find(RecipientRateCounter.class, key) == null) {
            em.persist(new RecipientRateCounter(key));
        }
    }
}
