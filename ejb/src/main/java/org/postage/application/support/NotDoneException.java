package org.postage.application.support;

/**
 * A change that was not made because something it needs failed (the message queue, the database): nothing of it
 * stays, and the same request may succeed later. The message says what failed and what was left, for the caller;
 * the cause is for the log.
 */
public class NotDoneException extends RuntimeException {

    public NotDoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
