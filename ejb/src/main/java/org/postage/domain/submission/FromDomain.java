package org.postage.domain.submission;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import org.postage.domain.mail.HeaderSection;

/** The domain of a message's single From address, read from the header section alone (no MIME parsing). */
public final class FromDomain {

    private FromDomain() {
    }

    /** @return empty when From is missing, not single or invalid: the submission rules report those */
    public static Optional<String> of(byte[] raw) {
        String address = FromRule.read(HeaderSection.parse(raw), new ArrayList<>());
        if (address == null || address.lastIndexOf('@') < 0) {
            return Optional.empty();
        }
        return Optional.of(address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
    }
}
