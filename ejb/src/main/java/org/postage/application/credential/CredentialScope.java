package org.postage.application.credential;

import java.util.Set;

/**
 * Which senders a credential may send as: any verified sender of its account, or only those listed.
 *
 * @param allowedSenders normalised addresses; empty means no restriction
 */
public record CredentialScope(Set<String> allowedSenders) {

    public static final CredentialScope ANY_SENDER = new CredentialScope(Set.of());

    public CredentialScope {
        allowedSenders = Set.copyOf(allowedSenders);
    }

    public boolean isRestricted() {
        return !allowedSenders.isEmpty();
    }

    /** @param address normalised */
    public boolean allows(String address) {
        return allowedSenders.isEmpty() || allowedSenders.contains(address);
    }
}
