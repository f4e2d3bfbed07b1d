package org.postage.application.sender;

public class DuplicateSenderException extends RuntimeException {

    public DuplicateSenderException(long accountId, String address) {
        super(address + " is already a sender of account " + accountId);
    }
}
