package org.postage.application.delivery;

/** The next hop: hands one message to the configured smarthost for one recipient and says what happened. */
public interface Relay {

    /**
     * @param envelopeSender the MAIL FROM address, or the empty string for the null sender
     * @param content        asked for the bytes once the connection shows whether the hop takes 8-bit data; a
     *                       message it cannot make 7-bit for a hop without 8BITMIME is deferred with the reason
     */
    RelayOutcome send(String envelopeSender, String recipient, OutgoingContent content);
}
