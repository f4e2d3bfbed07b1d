package org.postage.domain.sender;

import java.util.List;
import java.util.Optional;

public interface SenderRepository {

    Sender add(Sender sender);

    Optional<Sender> find(long id);

    /** @param emailAddress normalised ({@link org.postage.domain.mail.EmailAddress#toString}) */
    Optional<Sender> find(long accountId, String emailAddress);

    Optional<Sender> findByTokenDigest(String tokenDigest);

    List<Sender> ofAccount(long accountId);

    void remove(Sender sender);
}
