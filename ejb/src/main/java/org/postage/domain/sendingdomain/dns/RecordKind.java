package org.postage.domain.sendingdomain.dns;

/** The four records a sending domain publishes for Postage. */
public enum RecordKind {
    /** TXT on the domain: Postage's servers may send for it. */
    SPF,
    /** TXT at {@code <selector>._domainkey.<domain>}: the public key of the domain's DKIM signatures. */
    DKIM,
    /** TXT at {@code _dmarc.<domain>}: what receivers do with mail that fails SPF and DKIM alignment. */
    DMARC,
    /** CNAME of the envelope sender's host to Postage's bounce host, so bounces reach Postage. */
    RETURN_PATH
}
