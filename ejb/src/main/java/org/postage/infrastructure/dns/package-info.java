/**
 * The DNS side of a sending domain: the four records Postage asks it to publish (SPF, DKIM, DMARC, return path)
 * and the check that they are there, asked of a configurable resolver with dnsjava. Every record gets its own
 * verdict with a reason a person can act on; a resolver that does not answer is a failed check, never a hang.
 */
package org.postage.infrastructure.dns;
