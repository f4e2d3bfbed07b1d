package org.postage.infrastructure.dkim;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.impl.BodyHasherImpl;
import org.apache.james.jdkim.tagvalue.SignatureRecordTemplate;

/**
 * jDKIM's body hasher, corrected for one case. A body that relaxed canonicalisation empties (none at all, or only
 * blank lines) must hash as zero bytes (RFC 6376 3.4.4); jDKIM 0.5 runs relaxed on top of simple, whose rule turns
 * it into one CRLF, and receivers then fail the body hash. Here such a body hashes as the empty string. Assumes
 * rsa-sha256, as {@link DkimSigner} always signs.
 */
final class RelaxedBodyHasher extends BodyHasherImpl {

    private boolean sawContent;
    private final OutputStream out;

    RelaxedBodyHasher(SignatureRecordTemplate record) throws PermFailException {
        super(record);
        OutputStream canonicaliser = super.getOutputStream();
        this.out = new FilterOutputStream(canonicaliser) {
            @Override
            public void write(int b) throws IOException {
                sawContent |= !isBlank((byte) b);
                canonicaliser.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = off; i < off + len && !sawContent; i++) {
                    sawContent = !isBlank(b[i]);
                }
                canonicaliser.write(b, off, len);
            }
        };
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public byte[] getDigest() {
        if (sawContent) {
            return super.getDigest();
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
