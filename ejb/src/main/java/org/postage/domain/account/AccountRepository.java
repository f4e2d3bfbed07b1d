package org.postage.domain.account;

import java.util.Optional;

public interface AccountRepository {

    Account add(Account account);

    Optional<Account> find(long id);
}
