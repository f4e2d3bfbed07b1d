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
        if (!isSpfMechanism(spfMechanism)) {
            throw new IllegalArgumentException("not an SPF mechanism such as include:spf.example.com: " + spfMechanism);
        }
        if (!isLabel(returnPathLabel)) {
            throw new IllegalArgumentException("the return-path label must be one DNS label: " + returnPathLabel);
        }
        if (!isBounceHost(bounceHost)) {
            throw new IllegalArgumentException("not a bounce host name: " + bounceHost);
        }
        spfMechanism = spfMechanism.toLowerCase(Locale.ROOT);
        returnPathLabel = returnPathLabel.toLowerCase(Locale.ROOT);
        bounceHost = bounceHost.toLowerCase(Locale.ROOT);
    }

    /** A mechanism as SPF records write it: {@code include:spf.example.com}, {@code ip4:203.0.113.7}, {@code a}. */
    public static boolean isSpfMechanism(String value) {
        return value != null && value.matches("[a-zA-Z0-9]+(?::\\S+)?");
    }

    /** One DNS label: letters, digits and inner hyphens, no dot. */
    public static boolean isLabel(String value) {
        return DkimSelector.isValid(value) && !value.contains(".");
    }

    /** A host name of at least two labels. */
    public static boolean isBounceHost(String value) {
        return DkimSelector.isValid(value) && value.contains(".");
    }

    String returnPathHost(DnsIdentity domain) {
        return returnPathLabel + "." + domain.name();
    }
}
