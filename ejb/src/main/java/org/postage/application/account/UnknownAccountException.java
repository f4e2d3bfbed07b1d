package org.postage.application.account;

import org.postage.application.support.UnknownReferenceException;

public class UnknownAccountException extends UnknownReferenceException {

    public UnknownAccountException(long id) {
        super("No account with id " + id);
    }
}
