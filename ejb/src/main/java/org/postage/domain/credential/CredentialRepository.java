package org.postage.domain.credential;

import java.util.Optional;

public interface CredentialRepository {

    SmtpCredential add(SmtpCredential credential);

    Optional<SmtpCredential> findByUsername(String username);
}
