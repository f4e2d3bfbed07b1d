package org.postage.web.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code {"name": "shop.example", "skip_dns_check": false}}; {@code skip_dns_check} is optional, false by default. */
public record NewDomain(
        @NotNull(message = "is required")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @Size(max = DomainName.MAX_LENGTH, message = "must be at most {max} characters")
        @DomainName
        String name,

        Boolean skipDnsCheck) {

    boolean skipsDnsCheck() {
        return Boolean.TRUE.equals(skipDnsCheck);
    }
}
