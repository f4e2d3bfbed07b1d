package org.postage.application.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.logging.Logger;
import org.postage.application.credential.VerifiedPasswords;
import org.postage.domain.credential.OperatorSecret;
import org.postage.domain.secret.PasswordHasher;
import org.postage.domain.secret.RandomSecrets;

/**
 * The operator's admin login: user {@code admin} with the configured {@link AdminPassword}; when there is none, a
 * random password is generated on the first start, logged that once, and only its hash kept.
 */
@Singleton
@Startup
public class AdminAuthentication {

    public static final String ADMIN_USER = "admin";
    private static final Logger LOG = Logger.getLogger(AdminAuthentication.class.getName());

    private final PasswordHasher hasher = new PasswordHasher();

    @Inject
    AdminPassword adminPassword;

    @PersistenceContext
    EntityManager em;

    @Inject
    VerifiedPasswords verified;

    private String storedHash;

    @PostConstruct
    void init() {
        if (adminPassword.value().isPresent()) {
            LOG.info("Admin API: user 'admin' with the password from POSTAGE_ADMIN_PASSWORD");
            return;
        }
        OperatorSecret secret = em.find(OperatorSecret.class, OperatorSecret.ADMIN_PASSWORD);
        if (secret == null) {
            String generated = RandomSecrets.password();
            secret = new OperatorSecret(OperatorSecret.ADMIN_PASSWORD, hasher.hash(generated));
            em.persist(secret);
            LOG.warning("Admin API: generated password for user 'admin' (shown"
                    + " once; set POSTAGE_ADMIN_PASSWORD to choose one): " + generated);
        } else {
            LOG.info("Admin API: user 'admin' with the password generated on the first start");
        }
        storedHash = secret.getHash();
    }

    public boolean verify(String user, String password) {
        if (!ADMIN_USER.equals(user) || password == null) {
            return false;
        }
        if (adminPassword.value().isPresent()) {
            return MessageDigest.isEqual(
                    adminPassword.value().get().getBytes(StandardCharsets.UTF_8),
                    password.getBytes(StandardCharsets.UTF_8));
        }
        if (verified.isKnown(ADMIN_KEY, password)) {
            return true;
        }
        boolean ok = hasher.matches(password, storedHash);
        if (ok) {
            verified.remember(ADMIN_KEY, password);
        }
        return ok;
    }

    // A key no SMTP username can take (they have no spaces), so the two never collide in VerifiedPasswords.
    private static final String ADMIN_KEY = "operator admin";
}
