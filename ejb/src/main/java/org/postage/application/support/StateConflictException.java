package org.postage.application.support;

/**
 * A change that contradicts what is stored: it would make a duplicate, or it was done already. Asking again
 * cannot succeed until the state changes; the message says what is in the way.
 */
public abstract class StateConflictException extends RuntimeException {

    protected StateConflictException(String message) {
        super(message);
    }
}
