package org.postage.domain.sendingdomain.dns;

import java.util.Locale;
import org.postage.domain.sendingdomain.DkimSelector;

/**
 * What Postage knows of one sending domain that DNS must agree with.
 *
 * @param name          the domain, in ASCII (an IDN in its xn-- form)
 * @param dkimSelector  the selector of its current DKIM key
 * @param dkimPublicKey the key's {@code p=} value, as
 *                      {@link org.postage.domain.sendingdomain.DkimKeyPair#publicKeyBase64()} gives it
 */
public record DnsIdentity(String name, String dkimSelector, String dkimPublicKey) {

    public DnsIdentity {
        // Names go into DNS queries and into records shown to people: only host names.
        if (!DkimSelector.isValid(name) || !name.contains(".")) {
            throw new IllegalArgumentException("not a domain name in ASCII: " + name);
        }
        if (!DkimSelector.isValid(dkimSelector)) {
            throw new IllegalArgumentException("not a DKIM selector: " + dkimSelector);
        }
        if (dkimPublicKey == null || !dkimPublicKey.matches("[A-Za-z0-9+/]+=*")) {
            throw new IllegalArgumentException("the DKIM public key must be base64 without line breaks");
        }
        name = name.toLowerCase(Locale.ROOT);
    }

    String dkimHost() {
        return dkimSelector + "._domainkey." + name;
    }

    String dmarcHost() {
        return "_dmarc." + name;
    }
}
