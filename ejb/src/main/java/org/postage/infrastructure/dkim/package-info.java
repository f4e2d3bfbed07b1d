/**
 * DKIM signatures (RFC 6376) that Postage prepends to a message it relays, made with Apache jDKIM on the accepted
 * bytes as they are, never on a re-serialised MIME message (docs/adr/0005-dkim-signing.md). Keys and selectors are
 * domain types of {@code org.postage.domain.sendingdomain}.
 */
package org.postage.infrastructure.dkim;
