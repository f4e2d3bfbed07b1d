package org.postage.application.sendingdomain;

import org.postage.application.support.StateConflictException;

/** A domain can belong to one account only: its DKIM key and its mail are that account's. */
public class DuplicateDomainException extends StateConflictException {

    public DuplicateDomainException(String name) {
        super("The domain '" + name + "' is already a sending domain");
    }
}
