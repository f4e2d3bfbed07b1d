package org.postage.application.support;

/**
 * A request named an account, sender, domain or the like that does not exist. The message names what was asked
 * for, so that callers can show it as it is.
 */
public abstract class UnknownReferenceException extends RuntimeException {

    protected UnknownReferenceException(String message) {
        super(message);
    }
}
