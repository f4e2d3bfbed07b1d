package org.postage.application;

public class SenderAlreadyVerifiedException extends RuntimeException {

    public SenderAlreadyVerifiedException(String address) {
        super(address + " is verified already");
    }
}
