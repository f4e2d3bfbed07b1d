package org.postage.domain;

import java.util.Optional;

public interface AccountRepository {

    Account add(Account account);

    Optional<Account> find(long id);
}
