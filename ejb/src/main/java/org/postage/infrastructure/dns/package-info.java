/**
 * The dnsjava adapter behind {@link org.postage.domain.sendingdomain.dns.RecordLookup}: asks one configurable
 * resolver (or the system's) for TXT and CNAME records, without a cache, and puts every failure into words.
 */
package org.postage.infrastructure.dns;
