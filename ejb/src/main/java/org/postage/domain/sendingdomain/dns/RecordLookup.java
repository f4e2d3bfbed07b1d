package org.postage.domain.sendingdomain.dns;

import java.util.concurrent.CompletableFuture;

/**
 * The port through which the record rules ask DNS. Each future completes with an answer in words, never
 * exceptionally, once the resolver answered or every attempt timed out.
 */
public interface RecordLookup {

    /** TXT records at {@code name}, each record's strings joined; a CNAME on the way is followed. */
    CompletableFuture<DnsAnswer> txt(String name);

    /** CNAME targets of {@code name}, without the final dot. */
    CompletableFuture<DnsAnswer> cname(String name);
}
