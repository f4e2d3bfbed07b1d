package org.postage.infrastructure.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.postage.api.SmtpDefaults;
import org.postage.application.admin.AdminLoginThrottle;
import org.postage.application.admin.AdminPassword;
import org.postage.application.processing.MessageIdPolicy;
import org.postage.application.sender.VerificationLinks;
import org.postage.application.submission.DiskReserve;
import org.postage.application.support.HostName;
import org.postage.application.support.PublicUrl;
import org.postage.domain.message.RetryPolicy;
import org.postage.domain.ratelimit.RateLimits;
import org.postage.domain.sendingdomain.dns.DnsRequirements;
import org.postage.domain.submission.SubmissionInspector;
import org.postage.infrastructure.dns.ResolverAddress;
import org.postage.infrastructure.relay.RelaySettings;

/**
 * Every MicroProfile Config property of Postage, read and checked in one place: each name and default is written
 * once, in {@link #read}, and the rest of the application receives the typed values below, never a property. A bad
 * value fails the deployment with a message that names the environment variable, the property, the value and what
 * is allowed, instead of failing the first message that needs it. The README's configuration table lists them.
 *
 * @param dnsResolver {@code host:port} of the resolver sending-domain checks ask; empty for the system's
 * @param dnsTimeout  how long to wait for one DNS answer
 * @param adminLoginFailuresPerMinute failed admin logins a client address may have in a burst, and per minute after
 */
public record Settings(
        HostName hostName,
        RelaySettings relay,
        RetryPolicy retryPolicy,
        int maxMetadataKeys,
        Optional<String> dnsResolver,
        Duration dnsTimeout,
        DnsRequirements dnsRequirements,
        RateLimits defaultRateLimits,
        VerificationLinks verificationLinks,
        PublicUrl publicUrl,
        MessageIdPolicy messageIds,
        AdminPassword adminPassword,
        int adminLoginFailuresPerMinute,
        DiskReserve diskReserve) {

    /** Also read by the SMTP listener, through jboss-ejb3.xml: see {@link #listenerHostName}. */
    public static final String HOSTNAME = "postage.hostname";

    private static final long DAY_SECONDS = 86_400;
    private static final long YEAR_SECONDS = 365 * DAY_SECONDS;
    /**
     * Twice the broker's own floor ({@code brokerconfig.minDiskFree} in postage.cli, 32 MiB): Postage must stop taking
     * mail well before the broker stops taking messages from Postage's pipeline.
     */
    static final long MIN_DISK_RESERVE_MB = 64;

    private static final String LABEL = "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
    /** What EHLO, Received and Message-ID take: DNS labels, or an address literal. */
    private static final Pattern HOST_NAME =
            Pattern.compile(LABEL + "(?:\\." + LABEL + ")*|\\[(?:IPv6:)?[0-9A-Fa-f:.]+]");

    /** Where raw values come from: MicroProfile Config in the server, a map in tests. */
    @FunctionalInterface
    public interface Source {
        Optional<String> value(String property);
    }

    /**
     * @param config           the values, by property name
     * @param systemProperties {@link System#getProperty(String)}, and
     * @param environment      {@link System#getenv(String)}: what the SMTP listener's host name is expanded from
     * @throws InvalidSettingsException naming every bad setting
     */
    public static Settings read(
            Source config, Function<String, String> systemProperties, Function<String, String> environment) {
        SettingValues v = new SettingValues(config);
        String hostName =
                v.text(HOSTNAME, SmtpDefaults.HOST_NAME, Settings::isHostName, "a host name such as mail.example.com");

        String relayHost = v.text("postage.relay.host", "127.0.0.1");
        long relayPort = v.number("postage.relay.port", 25, 1, 65_535);
        RelaySettings.StartTls startTls = v.choice("postage.relay.starttls", RelaySettings.StartTls.OPPORTUNISTIC);
        Optional<String> tlsTrust = v.optional("postage.relay.tls-trust");
        Optional<String> relayUser = v.optional("postage.relay.username");
        Optional<String> relayPassword = v.secret("postage.relay.password");
        long relayTimeout = v.number("postage.relay.timeout-seconds", 60, 1, DAY_SECONDS);

        long firstDelay = v.number("postage.retry.first-delay-seconds", 60, 1, YEAR_SECONDS);
        double factor = v.decimal("postage.retry.factor", 2, 1);
        long maxDelay = v.number("postage.retry.max-delay-seconds", 3600, 1, YEAR_SECONDS);
        if (maxDelay < firstDelay) {
            v.problem(
                    "postage.retry.max-delay-seconds",
                    Long.toString(maxDelay),
                    "at least " + SettingValues.variable("postage.retry.first-delay-seconds") + " (" + firstDelay
                            + ")");
        }
        long maxAge = v.number("postage.retry.max-age-seconds", 432_000, 0, YEAR_SECONDS);

        long maxMetadataKeys = v.number(
                "postage.submission.max-metadata-keys",
                SubmissionInspector.DEFAULT_MAX_METADATA_KEYS,
                0,
                Integer.MAX_VALUE);

        Optional<String> dnsResolver = v.optional("postage.dns.resolver");
        dnsResolver
                .filter(r -> !isResolver(r))
                .ifPresent(r -> v.problem(
                        "postage.dns.resolver",
                        r,
                        "host, host:port" + " or [v6]:port of a DNS resolver (a host name"
                                + " must resolve), or empty for the system's"));
        long dnsTimeout = v.number("postage.dns.timeout-ms", 2000, 1, 60_000);
        String spfInclude = v.text(
                "postage.dns.spf-include",
                "include:spf.postage.test",
                DnsRequirements::isSpfMechanism,
                "an SPF mechanism such as include:spf.example.com or ip4:203.0.113.7");
        String returnPathLabel = v.text(
                "postage.dns.return-path-label",
                "pm-bounces",
                DnsRequirements::isLabel,
                "one DNS label such as pm-bounces");
        String bounceHost = v.text(
                "postage.dns.bounce-host",
                "bounces.postage.test",
                DnsRequirements::isBounceHost,
                "a host name such as bounces.example.com");

        long perMinute = v.number("postage.rate.per-recipient-per-minute", 10, 0, Integer.MAX_VALUE);
        long perHour = v.number("postage.rate.per-recipient-per-hour", 100, 0, Integer.MAX_VALUE);
        boolean keepMessageId = v.flag("postage.keep-message-id", false);
        String publicUrl = v.text(
                "postage.public-url",
                "http://localhost:8080",
                Settings::isWebAddress,
                "an http or https URL such as https://postage.example.com");
        long verificationHours = v.number("postage.sender-verification-hours", 24, 1, 365 * 24);
        Optional<String> adminPassword = v.secret("postage.admin.password");
        long adminLoginFailures = v.number(
                "postage.admin.login-failures-per-minute",
                AdminLoginThrottle.DEFAULT_FAILURES_PER_MINUTE,
                1,
                1_000_000);
        long diskReserve = v.number("postage.disk.reserve-mb", 512, MIN_DISK_RESERVE_MB, 1L << 20);

        String listenerName = listenerHostName(systemProperties, environment);
        if (isHostName(hostName) && !hostName.equals(listenerName)) {
            v.conflict(HOSTNAME + " is '" + hostName + "' in MicroProfile Config but '" + listenerName
                    + "' for the SMTP greeting, which reads only the system property " + HOSTNAME
                    + " and the environment variable " + SettingValues.variable(HOSTNAME) + ": set it there");
        }
        v.throwIfInvalid();

        return new Settings(
                new HostName(hostName),
                new RelaySettings(
                        relayHost,
                        (int) relayPort,
                        startTls,
                        tlsTrust,
                        relayUser,
                        relayPassword,
                        Duration.ofSeconds(relayTimeout),
                        hostName),
                new RetryPolicy(
                        Duration.ofSeconds(firstDelay),
                        factor,
                        Duration.ofSeconds(maxDelay),
                        Duration.ofSeconds(maxAge)),
                (int) maxMetadataKeys,
                dnsResolver,
                Duration.ofMillis(dnsTimeout),
                new DnsRequirements(spfInclude, returnPathLabel, bounceHost),
                new RateLimits((int) perMinute, (int) perHour),
                new VerificationLinks(publicUrl, Duration.ofHours(verificationHours)),
                new PublicUrl(publicUrl),
                new MessageIdPolicy(keepMessageId),
                new AdminPassword(adminPassword),
                (int) adminLoginFailures,
                DiskReserve.ofMebibytes(diskReserve));
    }

    /**
     * The host name the SMTP listener gets: jboss-ejb3.xml hands it
     * {@code ${postage.hostname:${env.POSTAGE_HOSTNAME:}}}, expanded by WildFly (not MicroProfile Config) when the
     * deployment is read, and the adapter takes an empty value as {@link SmtpDefaults#HOST_NAME}. From the two
     * sources an operator sets it in, MicroProfile Config reads the same name; {@link #read} fails when another source
     * makes them differ.
     */
    static String listenerHostName(Function<String, String> systemProperties, Function<String, String> environment) {
        String value = systemProperties.apply(HOSTNAME);
        if (value == null) {
            value = environment.apply(SettingValues.variable(HOSTNAME));
        }
        return value == null || value.isBlank() ? SmtpDefaults.HOST_NAME : value.strip();
    }

    static boolean isHostName(String value) {
        return value.length() <= 253 && HOST_NAME.matcher(value).matches();
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null
                    && uri.getHost() != null
                    && (uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isResolver(String value) {
        try {
            ResolverAddress.parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** 1 rather than 1.0. */
    static String shown(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
