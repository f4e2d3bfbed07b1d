package org.postage.domain.sendingdomain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface SendingDomainRepository {

    SendingDomain add(SendingDomain domain);

    /** @param name lower case */
    Optional<SendingDomain> find(String name);

    /** Names of the domains that are not authenticated, or were last checked before {@code checkedBefore}. */
    List<String> dueForCheck(Instant checkedBefore);

    /** Names of the domains whose last check got no answer from DNS for some record. */
    List<String> withUnansweredRecords();
}
