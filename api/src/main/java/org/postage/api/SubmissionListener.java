package org.postage.api;

/**
 * The message listener interface of the SMTP resource adapter: one method per SMTP phase, each returning an
 * explicit decision. An MDB in the application implements it; the adapter calls it through a JCA message
 * endpoint.
 *
 * <p>Call order, per connection: {@code authenticate} (once it succeeds, never again), then per mail
 * transaction {@code mailFrom}, one {@code rcptTo} per recipient, and {@code data} once the whole message is
 * received. The adapter enforces order, TLS, syntax, size, line length and recipient limits before calling,
 * so the application sees only well-formed input.
 *
 * <p>Threading: each call runs on the SMTP session's own thread, one call at a time per session; different
 * sessions call concurrently. Lifetime: each call gets its own endpoint instance, released after the call.
 *
 * <p>Transactions: {@code data} runs in a JTA transaction; the adapter answers its 2xx only if that
 * transaction commits, and otherwise answers {@link SmtpReplies#NOT_STORED}. A runtime exception from any
 * method becomes {@link SmtpReplies#LOCAL_ERROR}.
 */
public interface SubmissionListener {

    /** AUTH PLAIN or LOGIN, only after STARTTLS. */
    AuthResult authenticate(SmtpSession session, String username, String password);

    /**
     * MAIL FROM.
     *
     * @param reversePath  the sender address, or the empty string for {@code <>}
     * @param declaredSize the SIZE parameter, or -1 when none was given
     */
    Reply mailFrom(SmtpSession session, String reversePath, long declaredSize);

    /** RCPT TO, for one recipient; the adapter has already counted it against the per-message maximum. */
    Reply rcptTo(SmtpSession session, String reversePath, String recipient);

    /**
     * End of DATA: the whole message, dot-unstuffed, with every line ending normalised to CRLF and NUL
     * removed. Must store the message durably before returning a 2xx.
     */
    Reply data(SmtpSession session, Envelope envelope, byte[] content);
}
