package org.postage.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.postage.domain.credential.CredentialRepository;
import org.postage.domain.credential.SmtpCredential;

@ApplicationScoped
public class JpaCredentialRepository implements CredentialRepository {

    @PersistenceContext
    EntityManager em;

    @Override
    public SmtpCredential add(SmtpCredential credential) {
        em.persist(credential);
        return credential;
    }

    @Override
    public Optional<SmtpCredential> findByUsername(String username) {
        return em.createQuery(
                        "select c from SmtpCredential c join fetch c.account where c.username = :u",
                        SmtpCredential.class)
                .setParameter("u", username)
                .getResultStream()
                .findFirst();
    }
}
