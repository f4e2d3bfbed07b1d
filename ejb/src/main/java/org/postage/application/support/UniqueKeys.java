package org.postage.application.support;

import java.sql.SQLException;

/** Telling a unique-key violation from other database failures, the same way on H2 and PostgreSQL. */
public final class UniqueKeys {

    /** SQLSTATE of a unique violation (SQL standard class 23, integrity constraint; H2 and PostgreSQL use it). */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueKeys() {}

    public static boolean isViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
