package org.postage.application.admin;

import java.util.Objects;
import java.util.Optional;

/**
 * The admin password the operator chose, if any; without one, {@link AdminAuthentication} generates one on the first
 * start.
 */
public record AdminPassword(Optional<String> value) {

    public AdminPassword {
        Objects.requireNonNull(value, "value");
        value = value.filter(p -> !p.isEmpty());
    }

    /** Never the password itself: records end up in logs. */
    @Override
    public String toString() {
        return value.isPresent() ? "AdminPassword[configured]" : "AdminPassword[generated]";
    }
}
