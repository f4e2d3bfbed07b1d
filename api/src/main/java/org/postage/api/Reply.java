package org.postage.api;

import java.util.Objects;

/**
 * One SMTP reply: a basic code (RFC 5321), an enhanced status code (RFC 3463) and a human reason.
 * It is also the decision a {@link SubmissionListener} returns: a 2xx accepts, a 4xx defers, a 5xx refuses.
 */
public record Reply(int code, String status, String text) implements java.io.Serializable {

    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("SMTP reply code out of range: " + code);
        }
        Objects.requireNonNull(text, "text");
        // A reply is one line on the wire: a CR or LF in the reason would let it forge another reply.
        text = text.replace('\r', ' ').replace('\n', ' ');
    }

    public boolean isPositive() {
        return code < 400;
    }

    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    public boolean isPermanent() {
        return code >= 500;
    }

    /** The same code and status with another reason, for replies that name an address or an id. */
    public Reply withText(String newText) {
        return new Reply(code, status, newText);
    }

    /** The reply as it goes on the wire, without the trailing CRLF. */
    @Override
    public String toString() {
        return status == null ? code + " " + text : code + " " + status + " " + text;
    }
}
