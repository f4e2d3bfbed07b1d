package org.postage.application.sender;

public class UnknownSenderException extends RuntimeException {

    public UnknownSenderException(long id) {
        super("No sender with id " + id);
    }
}
