package org.postage.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.postage.domain.sender.Sender;
import org.postage.domain.sender.SenderRepository;

@ApplicationScoped
public class JpaSenderRepository implements SenderRepository {

    @PersistenceContext
    EntityManager em;

    /** Flushed at once, so that a duplicate shows here, where the caller can still name it. */
    @Override
    public Sender add(Sender sender) {
        em.persist(sender);
        em.flush();
        return sender;
    }

    @Override
    public Optional<Sender> find(long id) {
        return Optional.ofNullable(em.find(Sender.class, id));
    }

    @Override
    public Optional<Sender> find(long accountId, String emailAddress) {
        return em.createQuery("select s from Sender s where s.accountId = :a and s.emailAddress = :e", Sender.class)
                .setParameter("a", accountId)
                .setParameter("e", emailAddress)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Sender> findByTokenDigest(String tokenDigest) {
        return em.createQuery("select s from Sender s where s.tokenDigest = :t", Sender.class)
                .setParameter("t", tokenDigest)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Sender> ofAccount(long accountId) {
        return em.createQuery("select s from Sender s where s.accountId = :a order by s.emailAddress", Sender.class)
                .setParameter("a", accountId)
                .getResultList();
    }

    @Override
    public void remove(Sender sender) {
        em.remove(sender);
    }
}
