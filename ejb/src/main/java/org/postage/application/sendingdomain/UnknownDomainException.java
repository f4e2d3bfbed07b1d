package org.postage.application.sendingdomain;

import org.postage.application.support.UnknownReferenceException;

public class UnknownDomainException extends UnknownReferenceException {

    public UnknownDomainException(String name) {
        super("No sending domain '" + name + "'");
    }
}
