package org.postage.application.sender;

/** A credential was to be restricted to an address that is not a sender of its account. */
public class NotASenderException extends RuntimeException {

    public NotASenderException(long accountId, String address) {
        super(address + " is not a sender of account " + accountId + "; add it first (POST /api/admin/accounts/"
                + accountId + "/senders)");
    }
}
