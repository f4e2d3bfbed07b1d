package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.postage.domain.Account;
import org.postage.domain.AccountRepository;

@ApplicationScoped
public class AccountService {

    @Inject
    AccountRepository accounts;

    @Inject
    Clock clock;

    @Transactional
    public Account create(String name) {
        return accounts.add(new Account(name, clock.instant()));
    }
}
