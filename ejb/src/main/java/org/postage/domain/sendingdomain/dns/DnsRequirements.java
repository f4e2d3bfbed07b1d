package org.postage.domain.sendingdomain.dns;

import java.util.Locale;
import org.postage.domain.sendingdomain.DkimSelector;

/**
 * What the operator asks every sending domain to publish, beyond its own DKIM key.
 *
 * @param spfMechanism    the mechanism the domain's SPF record must contain, as written there: {@code
 *                        include:spf.postage.example}, {@code ip4:203.0.113.7}, {@code a:mail.postage.example}
 * @param returnPathLabel the label of the envelope sender's host under the domain, for example {@code pm-bounces}
 * @param bounceHost      the host that return-path names must be a CNAME of, where Postage receives bounces
 */
public record DnsRequirements(String spfMechanism, String returnPathLabel, String bounceHost) {

    public DnsRequirements {
        if (spfMechanism == null || !spfMechanism.matches("[a-zA-Z0-9]+(?::\\S+)?")) {
            throw new IllegalArgumentException("not an SPF mechanism such as include:spf.example.com: " + spfMechanism);
        }
        if (!DkimSelector.isValid(returnPathLabel) || returnPathLabel.contains(".")) {
            throw new IllegalArgumentException("the return-path label must be one DNS label: " + returnPathLabel);
        }
        if (!DkimSelector.isValid(bounceHost) || !bounceHost.contains(".")) {
            throw new IllegalArgumentException("not a bounce host name: " + bounceHost);
        }
        spfMechanism = spfMechanism.toLowerCase(Locale.ROOT);
        returnPathLabel = returnPathLabel.toLowerCase(Locale.ROOT);
        bounceHost = bounceHost.toLowerCase(Locale.ROOT);
    }

    String returnPathHost(DnsIdentity domain) {
        return returnPathLabel + "." + domain.name();
    }
}
