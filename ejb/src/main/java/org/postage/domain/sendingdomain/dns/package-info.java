/**
 * The rules for the four records Postage asks a sending domain to publish (SPF, DKIM, DMARC, return path): what
 * to publish and how to judge what DNS answered. DNS itself is behind
 * {@link org.postage.domain.sendingdomain.dns.RecordLookup}; every record gets its own verdict with a reason a
 * person can act on, and a resolver that does not answer is a DNS error, never a hang.
 */
package org.postage.domain.sendingdomain.dns;
