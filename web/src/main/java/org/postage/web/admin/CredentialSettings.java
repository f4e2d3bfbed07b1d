package org.postage.web.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.postage.domain.mail.EmailAddress;

/**
 * {@code {"refuse_in_session": false, "allowed_senders": ["orders@shop.example"]}}, both optional: at issue, and
 * to change a credential.
 */
public record CredentialSettings(
        Boolean refuseInSession,

        @Size(max = 100, message = "may hold at most {max} entries")
        List<
                        @NotNull(message = "must be a string")
                        @Size(max = EmailAddress.MAX_LENGTH, message = "must be at most {max} characters") String>
                allowedSenders) {

    static final CredentialSettings DEFAULTS = new CredentialSettings(null, null);

    boolean refuses() {
        return Boolean.TRUE.equals(refuseInSession);
    }

    List<String> allowedSendersOrAll() {
        return allowedSenders == null ? List.of() : allowedSenders;
    }
}
