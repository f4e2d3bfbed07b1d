package org.postage.infrastructure.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postage.domain.sendingdomain.dns.DnsAnswer;
import org.postage.domain.sendingdomain.dns.RecordLookup;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;
import org.xbill.DNS.lookup.ServerFailedException;

/**
 * Asks one resolver for TXT and CNAME records, and puts every way of not getting them into words. No cache and no
 * hosts file: a check after the owner fixed a record must see the fix, not a remembered NXDOMAIN. A CNAME on the
 * way to a TXT record (a DKIM key delegated to someone else) is followed. Thread-safe.
 */
public final class DnsLookup implements RecordLookup {

    /** Each server is asked this often before the query counts as unanswered: one lost UDP packet is not a verdict. */
    private static final int ATTEMPTS = 2;

    private final LookupSession session;
    private final String resolverName;
    private final Duration timeout;
    private final Duration deadline;

    /**
     * @param resolver {@code host}, {@code host:port} or {@code [v6]:port}; null or blank for the system's resolvers
     * @param timeout  how long to wait for one server's answer to one query
     */
    public DnsLookup(String resolver, Duration timeout) {
        List<Resolver> servers = new ArrayList<>();
        List<InetSocketAddress> addresses = resolver == null || resolver.isBlank()
                ? ResolverConfig.getCurrentConfig().servers()
                : List.of(ResolverAddress.parse(resolver));
        for (InetSocketAddress address : addresses) {
            SimpleResolver server = new SimpleResolver(address);
            server.setTimeout(timeout);
            servers.add(server);
        }
        // ExtendedResolver's timeout bounds the whole query: room for every attempt to time out on its own first,
        // so the failure reported is the last attempt's.
        Duration allAttempts = timeout.multipliedBy((long) ATTEMPTS * servers.size());
        ExtendedResolver extended = new ExtendedResolver(servers);
        extended.setRetries(ATTEMPTS);
        extended.setTimeout(allAttempts.plus(timeout.dividedBy(2)));
        this.session = LookupSession.builder().resolver(extended).build();
        this.resolverName =
                resolver == null || resolver.isBlank() ? "the system's resolvers " + addresses : resolver.trim();
        this.timeout = timeout;
        // Whatever dnsjava does, no answer is awaited for longer than this.
        this.deadline = allAttempts.plusSeconds(1);
    }

    /** Completes within the deadline, with an {@link DnsAnswer.Unanswered} if need be, and never exceptionally. */
    @Override
    public CompletableFuture<DnsAnswer> txt(String name) {
        return lookup(name, Type.TXT);
    }

    @Override
    public CompletableFuture<DnsAnswer> cname(String name) {
        return lookup(name, Type.CNAME);
    }

    private CompletableFuture<DnsAnswer> lookup(String name, int type) {
        Name absolute;
        try {
            absolute = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(new DnsAnswer.Absent(name + " is not a valid DNS name"));
        }
        return session.lookupAsync(absolute, type)
                .handle((result, failure) -> failure == null ? found(result, name, type) : failed(failure, name, type))
                .toCompletableFuture()
                .completeOnTimeout(noAnswerInTime(name, type), deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static DnsAnswer found(LookupResult result, String name, int type) {
        List<String> values = new ArrayList<>();
        for (Record r : result.getRecords()) {
            if (r instanceof TXTRecord txt) {
                // RFC 7208 3.3 and RFC 6376 3.6.2.2: a record's strings are joined without separator.
                StringBuilder text = new StringBuilder();
                txt.getStringsAsByteArrays().forEach(b -> text.append(new String(b, StandardCharsets.UTF_8)));
                values.add(text.toString());
            } else if (r instanceof CNAMERecord cname) {
                values.add(cname.getTarget().toString(true));
            }
        }
        return values.isEmpty()
                ? new DnsAnswer.Absent(name + " has no " + Type.string(type) + " record")
                : new DnsAnswer.Found(values);
    }

    private DnsAnswer failed(Throwable failure, String name, int type) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof NoSuchDomainException) {
            return new DnsAnswer.Absent(name + " does not exist (NXDOMAIN)");
        }
        if (cause instanceof NoSuchRRSetException) {
            return new DnsAnswer.Absent(name + " has no " + Type.string(type) + " record");
        }
        if (cause instanceof ServerFailedException) {
            return new DnsAnswer.Unanswered(resolverName + " answered SERVFAIL for " + Type.string(type) + " " + name
                    + ": the domain's name servers may be broken or unreachable");
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException || saysTimedOut(cause)) {
            return noAnswerInTime(name, type);
        }
        return new DnsAnswer.Unanswered("Looking up " + Type.string(type) + " " + name + " at " + resolverName
                + " failed: " + cause.getMessage());
    }

    /** ExtendedResolver reports that its overall time is up only in the words of a plain IOException. */
    private static boolean saysTimedOut(Throwable cause) {
        return cause instanceof IOException
                && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("timed out");
    }

    private DnsAnswer noAnswerInTime(String name, int type) {
        return new DnsAnswer.Unanswered("No answer from " + resolverName + " for " + Type.string(type) + " " + name
                + " (timed out after " + ATTEMPTS + " attempts of " + timeout.toMillis() + " ms)");
    }
}
