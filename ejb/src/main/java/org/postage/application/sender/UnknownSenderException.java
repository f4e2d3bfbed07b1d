package org.postage.application.sender;

import org.postage.application.support.UnknownReferenceException;

public class UnknownSenderException extends UnknownReferenceException {

    public UnknownSenderException(long id) {
        super("No sender with id " + id);
    }
}
