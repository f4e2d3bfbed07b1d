package org.postage.application.sender;

import org.postage.application.support.StateConflictException;

public class SenderAlreadyVerifiedException extends StateConflictException {

    public SenderAlreadyVerifiedException(String address) {
        super(address + " is verified already");
    }
}
