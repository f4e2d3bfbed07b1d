package org.postage.application.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.postage.application.processing.QueuedMessage;
import org.postage.domain.sendingdomain.dns.DnsRequirements;

/**
 * The envelope sender of an outgoing copy: {@code bounce+<message id>@<return-path label>.<From domain>}, a host
 * the domain points at Postage's bounce host (its RETURN_PATH record). A bounce then names the message it is about,
 * and SPF is checked against a name under the From domain, so it aligns for DMARC.
 */
@ApplicationScoped
public class ReturnPath {

    @Inject
    DnsRequirements requirements;

    /**
     * Reports keep the null sender (RFC 5321 4.5.5); mail From no sending domain keeps the client's sender.
     *
     * @param fromDomain the name of the message's From domain, if it is a sending domain
     */
    public String envelopeSender(QueuedMessage entry, Optional<String> fromDomain) {
        if (entry.envelopeSender().isEmpty() || fromDomain.isEmpty()) {
            return entry.envelopeSender();
        }
        return "bounce+" + entry.messageId() + "@" + requirements.returnPathLabel() + "." + fromDomain.get();
    }
}
