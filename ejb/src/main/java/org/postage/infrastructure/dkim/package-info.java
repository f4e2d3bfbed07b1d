/**
 * DKIM (RFC 6376): the RSA keys a sending domain signs with, their selectors, and the signature Postage prepends to
 * a message it relays. Signing works on the accepted bytes as they are, never on a re-serialised MIME message; the
 * canonicalisation and the signature itself come from Apache jDKIM (docs/adr/0004-dkim-signing.md).
 */
package org.postage.infrastructure.dkim;
