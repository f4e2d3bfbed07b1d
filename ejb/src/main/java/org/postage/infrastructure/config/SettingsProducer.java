package org.postage.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;
import org.postage.application.admin.AdminLoginThrottle;
import org.postage.application.admin.AdminPassword;
import org.postage.application.processing.MessageIdPolicy;
import org.postage.application.sender.VerificationLinks;
import org.postage.application.submission.DiskReserve;
import org.postage.application.support.HostName;
import org.postage.application.support.PublicUrl;
import org.postage.domain.message.RetryPolicy;
import org.postage.domain.ratelimit.RateLimits;
import org.postage.domain.sendingdomain.dns.DnsRecordsToPublish;
import org.postage.domain.sendingdomain.dns.DnsRequirements;
import org.postage.domain.sendingdomain.dns.DomainDnsCheck;
import org.postage.domain.submission.SubmissionInspector;
import org.postage.infrastructure.dkim.DkimSigner;
import org.postage.infrastructure.dns.DnsLookup;
import org.postage.infrastructure.relay.RelaySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the {@link Settings}, read once from MicroProfile Config, as the typed values each capability takes.
 * {@link SettingsCheck} asks first, while the application deploys.
 */
@ApplicationScoped
public class SettingsProducer {

    // slf4j, not java.util.logging: WildFly shows SEVERE as SEVERE, and an operator scans the log for ERROR.
    private static final Logger LOG = LoggerFactory.getLogger(SettingsProducer.class);

    @Inject
    Config config;

    private Settings settings;
    private InvalidSettingsException invalid;

    /**
     * The settings, read and checked on the first call. Bad values are logged once, as one line that says what to
     * change, and every call throws them: the deployment fails rather than the first message that needs them.
     */
    public synchronized Settings settings() {
        if (settings == null && invalid == null) {
            try {
                settings = Settings.read(
                        name -> config.getOptionalValue(name, String.class), System::getProperty, System::getenv);
            } catch (InvalidSettingsException e) {
                invalid = e;
                LOG.error("Postage cannot be deployed. {}", e.getMessage());
            }
        }
        if (invalid != null) {
            throw invalid;
        }
        return settings;
    }

    // @Singleton, a pseudo-scope: records and Clock cannot be proxied, and none needs to be.
    @Produces
    @Singleton
    HostName hostName() {
        return settings().hostName();
    }

    @Produces
    @Singleton
    RelaySettings relaySettings() {
        return settings().relay();
    }

    @Produces
    @Singleton
    RetryPolicy retryPolicy() {
        return settings().retryPolicy();
    }

    @Produces
    @Singleton
    SubmissionInspector submissionInspector() {
        return new SubmissionInspector(settings().maxMetadataKeys());
    }

    @Produces
    @Singleton
    DnsRequirements dnsRequirements() {
        return settings().dnsRequirements();
    }

    @Produces
    @Singleton
    DomainDnsCheck domainDnsCheck(DnsRequirements requirements) {
        return new DomainDnsCheck(
                requirements,
                new DnsLookup(settings().dnsResolver().orElse(null), settings().dnsTimeout()));
    }

    @Produces
    @Singleton
    DnsRecordsToPublish dnsRecordsToPublish(DnsRequirements requirements) {
        return new DnsRecordsToPublish(requirements);
    }

    /** The operator's per-recipient limits, for accounts without their own. */
    @Produces
    @Singleton
    RateLimits defaultRateLimits() {
        return settings().defaultRateLimits();
    }

    @Produces
    @Singleton
    VerificationLinks verificationLinks() {
        return settings().verificationLinks();
    }

    @Produces
    @Singleton
    PublicUrl publicUrl() {
        return settings().publicUrl();
    }

    @Produces
    @Singleton
    MessageIdPolicy messageIdPolicy() {
        return settings().messageIds();
    }

    @Produces
    @Singleton
    AdminPassword adminPassword() {
        return settings().adminPassword();
    }

    /** One table of failed logins for the node, shared by every admin request. */
    @Produces
    @Singleton
    AdminLoginThrottle adminLoginThrottle() {
        return AdminLoginThrottle.of(settings().adminLoginFailuresPerMinute());
    }

    @Produces
    @Singleton
    DiskReserve diskReserve() {
        return settings().diskReserve();
    }

    @Produces
    @Singleton
    DkimSigner dkimSigner(Clock clock) {
        return new DkimSigner(clock);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
