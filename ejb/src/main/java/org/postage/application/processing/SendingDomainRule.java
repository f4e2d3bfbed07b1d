package org.postage.application.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postage.application.sendingdomain.SendingDomainRecords;
import org.postage.application.support.LookupCache;
import org.postage.domain.mail.EmailAddress;
import org.postage.domain.sendingdomain.SendingDomain;
import org.postage.domain.submission.Violation;

/**
 * The Flexmail requirement that the From domain be authenticated: a sending domain of the submitting account whose
 * SPF, DKIM, DMARC and return-path records passed the last check (or whose check the operator skipped). Asked only
 * once the content rules passed, so the From address is known to be single and valid.
 */
@ApplicationScoped
public class SendingDomainRule {

    public static final String RULE = "domain.unauthenticated";

    /**
     * Asked for every submission; a domain that stops being authenticated (a later DNS check failed) is refused
     * within this time, on every node.
     */
    static final Duration TTL = Duration.ofSeconds(5);

    @Inject
    SendingDomainRecords domains;

    /** Only passes are kept ("this domain is authenticated"): a domain that passes its check counts at once. */
    private final LookupCache<String, Optional<Violation>> passed = LookupCache.expiringAfter(TTL);

    /** @param from the From header's address */
    public Optional<Violation> check(long accountId, EmailAddress from) {
        String name = from.domain();
        return passed.get(accountId + " " + name, key -> lookUp(accountId, name), Optional::isEmpty);
    }

    private Optional<Violation> lookUp(long accountId, String name) {
        Optional<SendingDomain> domain = domains.find(name).filter(d -> d.getAccountId() == accountId);
        if (domain.isEmpty()) {
            // Another account's domain is reported like an unknown one: which domains others own is not this sender's
            // business.
            return Optional.of(new Violation(
                    RULE,
                    "The From domain " + name + " is not a sending domain of this account",
                    "Ask your Postage admin to add " + name + " (POST /api/admin/accounts/{id}/domains) and publish"
                            + " the DNS records it shows"));
        }
        SendingDomain d = domain.get();
        if (d.isAuthenticated()) {
            return Optional.empty();
        }
        String failing = d.failingRecords().stream().map(Enum::name).collect(Collectors.joining(", "));
        String reason = d.getCheckedAt() == null
                ? "The From domain " + name + " is not authenticated: its DNS records (" + failing
                        + ") were never checked"
                : "The From domain " + name + " is not authenticated: the last DNS check failed " + failing;
        return Optional.of(new Violation(
                RULE,
                reason,
                "Publish the " + failing + " records that GET /api/admin/domains/" + name
                        + " shows, then run POST /api/admin/domains/" + name + "/check"));
    }
}
