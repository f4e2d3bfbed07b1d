package org.postage.application.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueKeysTest {

    @Test
    void aUniqueViolationIsFoundAnywhereInTheCauses() {
        assertTrue(UniqueKeys.isViolation(new PersistenceException(
                new RuntimeException(new SQLException("Unique index or primary key violation", "23505")))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(UniqueKeys.isViolation(new PersistenceException(new SQLException("connection refused", "08001"))));
        assertFalse(UniqueKeys.isViolation(new PersistenceException("no cause")));
    }
}
