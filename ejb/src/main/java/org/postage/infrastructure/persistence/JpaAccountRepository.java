package org.postage.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.postage.domain.Account;
import org.postage.domain.AccountRepository;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    @PersistenceContext
    EntityManager em;

    @Override
    public Account add(Account account) {
        em.persist(account);
        return account;
    }

    @Override
    public Optional<Account> find(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }
}
