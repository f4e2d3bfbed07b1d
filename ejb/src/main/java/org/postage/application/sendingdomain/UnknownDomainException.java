package org.postage.application.sendingdomain;

public class UnknownDomainException extends RuntimeException {

    public UnknownDomainException(String name) {
        super("No sending domain '" + name + "'");
    }
}
