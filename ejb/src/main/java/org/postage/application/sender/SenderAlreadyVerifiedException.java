package org.postage.application.sender;

public class SenderAlreadyVerifiedException extends RuntimeException {

    public SenderAlreadyVerifiedException(String address) {
        super(address + " is verified already");
    }
}
