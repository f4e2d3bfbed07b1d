package org.postage.application.credential;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.postage.application.support.LookupCache;

/**
 * Remembers which username and password pairs passed the slow hash, as an HMAC under a key that exists only in
 * this process, so that an application opening a connection per message does not pay PBKDF2 each time. Holds no
 * password. No time limit: a username keeps its password for life; a change of the credential forgets it.
 */
@ApplicationScoped
public class VerifiedPasswords {

    private final LookupCache<String, byte[]> digests = LookupCache.withoutExpiry();
    private final SecretKeySpec key;

    public VerifiedPasswords() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        key = new SecretKeySpec(k, "HmacSHA256");
    }

    public boolean isKnown(String username, String password) {
        return digests.find(username)
                .filter(known -> MessageDigest.isEqual(known, digest(username, password)))
                .isPresent();
    }

    /** After the slow hash passed: a password that matched once keeps matching, whatever changed meanwhile. */
    public void remember(String username, String password) {
        digests.put(username, digest(username, password));
    }

    public void forget(String username) {
        digests.invalidate(username);
    }

    private byte[] digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
