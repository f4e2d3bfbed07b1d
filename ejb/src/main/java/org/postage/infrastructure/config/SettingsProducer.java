package org.postage.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postage.infrastructure.dns.DnsLookup;
import org.postage.domain.message.RetryPolicy;
import org.postage.domain.submission.SubmissionInspector;
import org.postage.infrastructure.dkim.DkimSigner;
import org.postage.domain.sendingdomain.dns.DnsRecordsToPublish;
import org.postage.domain.sendingdomain.dns.DnsRequirements;
import org.postage.domain.sendingdomain.dns.DomainDnsCheck;

/** Turns operator settings into the domain's value objects, failing deployment on a nonsensical value. */
@ApplicationScoped
public class SettingsProducer {

    @Inject
    @ConfigProperty(name = "postage.retry.first-delay-seconds", defaultValue = "60")
    long firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "postage.retry.factor", defaultValue = "2")
    double factor;

    @Inject
    @ConfigProperty(name = "postage.retry.max-delay-seconds", defaultValue = "3600")
    long maxDelaySeconds;

    @Inject
    @ConfigProperty(name = "postage.retry.max-age-seconds", defaultValue = "432000")
    long maxAgeSeconds;

    @Inject
    @ConfigProperty(name = "postage.submission.max-metadata-keys", defaultValue = "20")
    int maxMetadataKeys;

    /** Empty (MicroProfile Config reads an empty value as absent) for the system's resolvers. */
    @Inject
    @ConfigProperty(name = "postage.dns.resolver")
    Optional<String> dnsResolver;

    @Inject
    @ConfigProperty(name = "postage.dns.timeout-ms", defaultValue = "2000")
    long dnsTimeoutMs;

    @Inject
    @ConfigProperty(name = "postage.dns.spf-include", defaultValue = "include:spf.postage.test")
    String spfInclude;

    @Inject
    @ConfigProperty(name = "postage.dns.return-path-label", defaultValue = "pm-bounces")
    String returnPathLabel;

    @Inject
    @ConfigProperty(name = "postage.dns.bounce-host", defaultValue = "bounces.postage.test")
    String bounceHost;

    @Produces
    @Singleton
    DnsRequirements dnsRequirements() {
        return new DnsRequirements(spfInclude, returnPathLabel, bounceHost);
    }

    @Produces
    @Singleton
    DomainDnsCheck domainDnsCheck(DnsRequirements requirements) {
        return new DomainDnsCheck(requirements, new DnsLookup(dnsResolver.orElse(null), Duration.ofMillis(dnsTimeoutMs)));
    }

    @Produces
    @Singleton
    DnsRecordsToPublish dnsRecordsToPublish(DnsRequirements requirements) {
        return new DnsRecordsToPublish(requirements);
    }

    @Produces
    @Singleton
    DkimSigner dkimSigner(Clock clock) {
        return new DkimSigner(clock);
    }

    @Produces
    @Singleton
    SubmissionInspector submissionInspector() {
        return new SubmissionInspector(maxMetadataKeys);
    }

    // @Singleton, a pseudo-scope: records and Clock cannot be proxied, and neither needs to be.
    @Produces
    @Singleton
    RetryPolicy retryPolicy() {
        return new RetryPolicy(Duration.ofSeconds(firstDelaySeconds), factor, Duration.ofSeconds(maxDelaySeconds),
                Duration.ofSeconds(maxAgeSeconds));
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
