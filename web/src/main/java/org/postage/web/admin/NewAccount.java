package org.postage.web.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.postage.domain.account.Account;

/** {@code {"name": "Web shop"}}; white space around the name is not kept. */
public record NewAccount(
        @NotNull(message = "is required")
        @Size(min = 1, message = "must not be blank")
        @Size(max = Account.MAX_NAME_LENGTH, message = "must be at most {max} characters")
        String name) {

    public NewAccount {
        name = name == null ? null : name.strip();
    }
}
