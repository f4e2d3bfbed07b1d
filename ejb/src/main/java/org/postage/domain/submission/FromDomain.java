package org.postage.domain.submission;

import java.util.ArrayList;
import java.util.Optional;
import org.postage.domain.mail.EmailAddress;
import org.postage.domain.mail.HeaderSection;

/** The domain of a message's single From address, read from the header section alone (no MIME parsing). */
public final class FromDomain {

    private FromDomain() {}

    /** @return in lower case; empty when From is missing, not single or invalid: the submission rules report those */
    public static Optional<String> of(byte[] raw) {
        EmailAddress from = FromRule.read(HeaderSection.parse(raw), new ArrayList<>());
        return Optional.ofNullable(from).map(EmailAddress::domain);
    }
}
