package org.postage.application;

public class UnknownSenderException extends RuntimeException {

    public UnknownSenderException(long id) {
        super("No sender with id " + id);
    }
}
