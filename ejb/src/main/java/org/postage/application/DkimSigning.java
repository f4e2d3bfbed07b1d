package org.postage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.postage.domain.SendingDomain;
import org.postage.infrastructure.dkim.DkimKeyPair;
import org.postage.infrastructure.dkim.DkimSigner;
import org.postage.infrastructure.dkim.DkimSigningException;

/**
 * Prepends a DKIM-Signature made with the From domain's key (d= the From domain, so DMARC aligns). Called on the
 * exact bytes handed to the relay, after every header change. A message whose From domain has no key (a report
 * From this server, mail accepted before its domain was removed) goes unsigned.
 */
@ApplicationScoped
public class DkimSigning {

    private static final Logger LOG = Logger.getLogger(DkimSigning.class.getName());

    @Inject
    DkimSigner signer;

    /** Decoding a PKCS#8 key costs more than the lookup; keyed by the stored text, so a new key is a new entry. */
    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();

    /** @param domain the sending domain of the message's From address, if it is one */
    public byte[] sign(byte[] content, Optional<SendingDomain> domain) {
        if (domain.isEmpty()) {
            return content;
        }
        SendingDomain d = domain.get();
        PrivateKey key = keys.computeIfAbsent(d.getDkimPrivateKey(), k -> DkimKeyPair.fromPkcs8Base64(k).privateKey());
        byte[] header;
        try {
            header = signer.sign(content, d.getName(), d.getDkimSelector(), key).getBytes(StandardCharsets.US_ASCII);
        } catch (DkimSigningException e) {
            // Unsigned mail may fail DMARC at the receiver, but a dropped message is worse; the log says why.
            LOG.warning(() -> "domain=" + d.getName() + " message sent unsigned: " + e.getMessage());
            return content;
        }
        byte[] signed = new byte[header.length + content.length];
        System.arraycopy(header, 0, signed, 0, header.length);
        System.arraycopy(content, 0, signed, header.length, content.length);
        return signed;
    }
}
