package org.postage.application.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.postage.application.credential.VerifiedPasswords;
import org.postage.domain.credential.OperatorSecret;
import org.postage.domain.secret.PasswordHasher;
import org.postage.domain.secret.RandomSecrets;

/**
 * The operator's admin login: user {@code admin} with the configured {@link AdminPassword}; when there is none, a
 * random password is generated on the first start, logged that once, and only its hash kept.
 *
 * <p>Logins run in parallel: the bean holds no lock (its state is set once, at startup), so a slow wrong guess
 * holds up nobody else, and failed logins are throttled per client address by {@link AdminLoginThrottle}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AdminAuthentication {

    public static final String ADMIN_USER = "admin";
    private static final Logger LOG = Logger.getLogger(AdminAuthentication.class.getName());

    /** What a login attempt came to; {@code retryAfter} is set for {@link Kind#THROTTLED} only. */
    public record Outcome(Kind kind, Duration retryAfter) {

        public enum Kind {
            ACCEPTED,
            REFUSED,
            /** The address has spent its budget of failed logins: refused without checking the password. */
            THROTTLED
        }

        static final Outcome ACCEPTED = new Outcome(Kind.ACCEPTED, null);
        static final Outcome REFUSED = new Outcome(Kind.REFUSED, null);
    }

    private final PasswordHasher hasher = new PasswordHasher();

    @Inject
    AdminPassword adminPassword;

    @PersistenceContext
    EntityManager em;

    @Inject
    VerifiedPasswords verified;

    @Inject
    AdminLoginThrottle throttle;

    /** SHA-256 of the configured password, so that a guess is compared in constant time whatever its length. */
    private volatile byte[] configuredDigest;

    private volatile String storedHash;

    @PostConstruct
    void init() {
        if (adminPassword.value().isPresent()) {
            configuredDigest = sha256(adminPassword.value().get());
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

    /**
     * A login from a client address: throttled before anything is checked once the address has spent its budget of
     * failures, so that a throttled guesser learns nothing, not even from a right guess.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Outcome login(String clientAddress, String user, String password) {
        Optional<Duration> wait = throttle.acquire(clientAddress);
        if (wait.isPresent()) {
            return new Outcome(Outcome.Kind.THROTTLED, wait.get());
        }
        if (!verify(user, password)) {
            return Outcome.REFUSED;
        }
        throttle.succeeded(clientAddress);
        return Outcome.ACCEPTED;
    }

    /** Whether user and password are the operator's; only through {@link #login}, which throttles. */
    boolean verify(String user, String password) {
        if (!ADMIN_USER.equals(user) || password == null) {
            return false;
        }
        byte[] configured = configuredDigest;
        if (configured != null) {
            return MessageDigest.isEqual(configured, sha256(password));
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

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    // A key no SMTP username can take (they have no spaces), so the two never collide in VerifiedPasswords.
    private static final String ADMIN_KEY = "operator admin";
}
