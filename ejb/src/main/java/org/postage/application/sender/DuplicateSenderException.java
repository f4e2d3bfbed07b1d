package org.postage.application.sender;

import org.postage.application.support.StateConflictException;

public class DuplicateSenderException extends StateConflictException {

    public DuplicateSenderException(long accountId, String address) {
        super(address + " is already a sender of account " + accountId);
    }
}
