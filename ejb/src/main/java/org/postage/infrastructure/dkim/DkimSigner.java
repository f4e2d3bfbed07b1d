package org.postage.infrastructure.dkim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.BodyHasher;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.postage.application.delivery.DkimSigningException;
import org.postage.application.delivery.MessageSigner;
import org.postage.domain.mail.HeaderSection;
import org.postage.domain.sendingdomain.DkimKeyPair;
import org.postage.domain.sendingdomain.DkimSelector;

/**
 * Signs a raw message, rsa-sha256 with relaxed/relaxed canonicalisation (RFC 6376), and returns the
 * {@code DKIM-Signature} field to prepend. The message itself is not touched: Postage relays the accepted bytes as
 * they are, and anything that rewrote them after signing would break the signature. Thread-safe.
 */
public final class DkimSigner implements MessageSigner {

    /**
     * The fields signed when present, each as many times as it occurs. Trace and list fields (Received,
     * Return-Path, List-*) are left out: hops add and rewrite them.
     */
    static final List<String> SIGNED_FIELDS = List.of(
            "from",
            "to",
            "cc",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "content-type",
            "content-transfer-encoding",
            "reply-to");

    private final Clock clock;

    /** @param clock the source of the {@code t=} timestamp */
    public DkimSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param raw      the message with CRLF line ends, exactly as it will be sent
     * @param domain   the signing domain ({@code d=}), in ASCII (an IDN in its xn-- form)
     * @param selector the key's selector ({@code s=})
     * @param key      the domain's RSA private key, for example {@link DkimKeyPair#privateKey()}
     * @return {@code DKIM-Signature: ...} folded into lines of at most 78 characters, ending in CRLF; US-ASCII
     * @throws DkimSigningException if the key is not a usable RSA key, or a signed field cannot be signed faithfully
     */
    @Override
    public String sign(byte[] raw, String domain, String selector, PrivateKey key) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(key, "key");
        // Both end up inside the header: anything but a DNS name could end the tag, or the field.
        if (!DkimSelector.isValid(domain)) {
            throw new IllegalArgumentException("not a signing domain in ASCII: " + domain);
        }
        if (!DkimSelector.isValid(selector)) {
            throw new IllegalArgumentException("not a DKIM selector: " + selector);
        }
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new DkimSigningException("DKIM rsa-sha256 needs an RSA key, not " + key.getAlgorithm());
        }
        HeaderSection section = HeaderSection.parse(raw);
        JdkimHeaders headers = new JdkimHeaders(section);
        List<String> signed = fieldsToSign(headers);
        headers.firstNotSurvivingDefaultCharset(new HashSet<>(signed)).ifPresent(name -> {
            throw new DkimSigningException("The " + name + " field has 8-bit bytes that the JVM's default charset ("
                    + Charset.defaultCharset() + ") cannot carry unchanged; its signature would not verify");
        });
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + "; t=" + clock.instant().getEpochSecond() + "; h=" + SignatureLayout.signedFieldList(signed)
                + "; bh=; b=;";
        OrderedSignatureRecord record = new OrderedSignatureRecord(template);
        DKIMSigner signer = new DKIMSigner(template, key);
        try {
            BodyHasher body = new RelaxedBodyHasher(record);
            try (OutputStream out = body.getOutputStream()) {
                out.write(raw, section.bodyOffset(), raw.length - section.bodyOffset());
            }
            return SignatureLayout.fold(signer.sign(headers, body)) + "\r\n";
        } catch (PermFailException e) {
            throw new DkimSigningException("DKIM signing failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("hashing a body held in memory", e);
        }
    }

    /** From once more than it occurs (oversigning, RFC 6376 8.15): a From added later breaks the signature. */
    private static List<String> fieldsToSign(JdkimHeaders headers) {
        List<String> names = new ArrayList<>();
        for (String name : SIGNED_FIELDS) {
            int occurrences = headers.count(name);
            int times = name.equals("from") ? occurrences + 1 : occurrences;
            for (int i = 0; i < times; i++) {
                names.add(name);
            }
        }
        return names;
    }
}
