package org.postage.application.credential;

/** A credential was revoked or its senders changed: fired inside the transaction that wrote it. */
public record CredentialChanged(String username) {}
