package org.postage.application.delivery;

import org.postage.domain.mail.SevenBitConversion;

/**
 * A message about to be relayed, in the form the next hop can take, which only the open connection knows: as it is
 * to a hop that offered 8BITMIME, converted to 7 bit otherwise (RFC 6152 3), and DKIM-signed last either way, since
 * the signature must cover the bytes sent.
 */
@FunctionalInterface
public interface OutgoingContent {

    /**
     * @param eightBitMime whether the next hop offered 8BITMIME on this connection
     * @return the exact bytes to send; 7-bit unless {@code eightBitMime}
     * @throws SevenBitConversion.NotConvertible when the hop needs 7 bit and the message cannot be made so
     */
    byte[] bytesFor(boolean eightBitMime) throws SevenBitConversion.NotConvertible;
}
