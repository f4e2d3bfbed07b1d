package org.postage.application.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Prepends a DKIM-Signature made with the From domain's key (d= the From domain, so DMARC aligns). Called on the
 * exact bytes handed to the relay, after every header change. A message whose From domain has no key (a report
 * From this server, mail accepted before its domain was removed) goes unsigned.
 */
@ApplicationScoped
public class DkimSigning {

    private static final Logger LOG = Logger.getLogger(DkimSigning.class.getName());

    @Inject
    MessageSigner signer;

    /** @param domain the sending domain of the message's From address, if it is one */
    public byte[] sign(byte[] content, Optional<SigningDomain> domain) {
        if (domain.isEmpty()) {
            return content;
        }
        SigningDomain d = domain.get();
        byte[] header;
        try {
            header = signer.sign(content, d.name(), d.selector(), d.key()).getBytes(StandardCharsets.US_ASCII);
        } catch (DkimSigningException e) {
            // Unsigned mail may fail DMARC at the receiver, but a dropped message is worse; the log says why.
            LOG.warning(() -> "domain=" + d.name() + " message sent unsigned: " + e.getMessage());
            return content;
        }
        byte[] signed = new byte[header.length + content.length];
        System.arraycopy(header, 0, signed, 0, header.length);
        System.arraycopy(content, 0, signed, header.length, content.length);
        return signed;
    }
}
