package org.postage.smtp.server;

import java.util.IdentityHashMap;
import java.util.Map;

/** Turns an exception chain into one log-friendly line, so failures are logged once and without stack traces. */
public final class Causes {

    private static final int MAX_DEPTH = 5;

    private Causes() {}

    /** For example {@code "EJBException: tx failed <- SQLException: connection refused"}. */
    public static String describe(Throwable failure) {
        StringBuilder line = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH && seen.put(t, Boolean.TRUE) == null; depth++) {
            if (depth > 0) {
                line.append(" <- ");
            }
            line.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                line.append(": ").append(t.getMessage().replace('\r', ' ').replace('\n', ' '));
            }
            t = t.getCause();
        }
        return line.toString();
    }
}
