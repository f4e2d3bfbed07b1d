package org.postage.application.credential;

/** A newly issued SMTP credential: the only time the password is ever available. */
public record IssuedCredential(String username, String password, long accountId) {}
