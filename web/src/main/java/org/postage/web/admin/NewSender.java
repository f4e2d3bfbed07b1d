package org.postage.web.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.postage.domain.mail.EmailAddress;

/**
 * {@code {"email_address": "orders@shop.example", "verified": false}}; {@code verified} is optional, false by
 * default. White space around the address is not kept.
 */
public record NewSender(
        @NotNull(message = "is required")
        @Size(min = 1, message = "must not be blank")
        @Size(max = EmailAddress.MAX_LENGTH, message = "must be at most {max} characters")
        @SenderAddress
        String emailAddress,

        Boolean verified) {

    public NewSender {
        emailAddress = emailAddress == null ? null : emailAddress.strip();
    }

    boolean vouchedFor() {
        return Boolean.TRUE.equals(verified);
    }
}
