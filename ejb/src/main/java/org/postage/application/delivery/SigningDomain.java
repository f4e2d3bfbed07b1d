package org.postage.application.delivery;

import java.security.PrivateKey;

/**
 * What delivering a copy needs of its From's sending domain: the name (d= and the return-path host), the DKIM
 * selector and the decoded private key. Held by {@link SigningDomains}, not read from the database per copy.
 */
public record SigningDomain(String name, String selector, PrivateKey key) {}
