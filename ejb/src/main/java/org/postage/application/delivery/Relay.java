package org.postage.application.delivery;

/** The next hop: hands one message to the configured smarthost for one recipient and says what happened. */
public interface Relay {

    /** @param envelopeSender the MAIL FROM address, or the empty string for the null sender */
    RelayOutcome send(String envelopeSender, String recipient, byte[] content);
}
