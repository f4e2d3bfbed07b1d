package org.postage.application.sendingdomain;

/** A domain can belong to one account only: its DKIM key and its mail are that account's. */
public class DuplicateDomainException extends RuntimeException {

    public DuplicateDomainException(String name) {
        super("The domain '" + name + "' is already a sending domain");
    }
}
