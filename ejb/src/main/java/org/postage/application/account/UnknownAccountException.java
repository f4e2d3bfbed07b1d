package org.postage.application.account;

public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(long id) {
        super("No account with id " + id);
    }
}
