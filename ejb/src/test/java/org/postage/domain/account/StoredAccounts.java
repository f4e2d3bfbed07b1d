package org.postage.domain.account;

import java.time.Instant;

/** Accounts as the database returns them: with the id it generated, which tests without a database need. */
public final class StoredAccounts {

    private StoredAccounts() {}

    public static Account withId(long id, String name) {
        return new Account(name, Instant.EPOCH) {
            @Override
            public Long getId() {
                return id;
            }
        };
    }
}
