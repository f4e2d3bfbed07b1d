package org.postage.application.delivery;

import java.security.PrivateKey;

/** The port that DKIM-signs the exact bytes of a message about to be relayed. Thread-safe. */
public interface MessageSigner {

    /**
     * @param raw      the message with CRLF line ends, exactly as it will be sent
     * @param domain   the signing domain ({@code d=}), in ASCII (an IDN in its xn-- form)
     * @param selector the key's selector ({@code s=})
     * @param key      the domain's RSA private key
     * @return the {@code DKIM-Signature} header field to prepend, folded, ending in CRLF; US-ASCII
     * @throws DkimSigningException if the key is not usable, or a signed field cannot be signed faithfully
     */
    String sign(byte[] raw, String domain, String selector, PrivateKey key);
}
