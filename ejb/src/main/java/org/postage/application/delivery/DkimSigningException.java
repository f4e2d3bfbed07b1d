package org.postage.application.delivery;

/**
 * A message or key that cannot be signed. The message is not broken for that: the caller decides whether it goes
 * out unsigned or waits for an operator.
 */
public class DkimSigningException extends RuntimeException {

    public DkimSigningException(String message) {
        super(message);
    }

    public DkimSigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
