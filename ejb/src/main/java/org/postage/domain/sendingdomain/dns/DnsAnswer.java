package org.postage.domain.sendingdomain.dns;

import java.util.List;

/** What DNS said about one name and type, already in words where it said nothing usable. */
public sealed interface DnsAnswer {

    /** @param values TXT texts (a record's strings joined) or CNAME targets (without the final dot) */
    record Found(List<String> values) implements DnsAnswer {}

    /** A definite answer that there is no such record: NXDOMAIN, or the name exists without that type. */
    record Absent(String why) implements DnsAnswer {}

    /** No usable answer: a timeout, SERVFAIL, a network error. */
    record Unanswered(String why) implements DnsAnswer {}
}
