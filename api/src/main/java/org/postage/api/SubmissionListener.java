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
 * <p>A mail transaction begins with a {@code mailFrom} answered 2xx and ends in exactly one of two ways: the client
 * is answered 2xx at the end of DATA (the message is accepted), or {@code transactionAbandoned} is called once,
 * after the transaction's last other call. So whatever the application reserved for a transaction (rate-limit
 * counts, say) it can keep once {@code data} has committed and give back on {@code transactionAbandoned}.
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

    /**
     * The mail transaction begun by the session's last accepted {@code mailFrom} ended without a message: RSET,
     * EHLO or HELO, a DATA answered anything but 2xx (the listener's own refusal or 4xx, a {@code data} whose
     * transaction did not commit, the adapter's size or line-length refusal), QUIT, or a connection that dropped
     * or timed out before the end of DATA. Called before the client is answered where there is an answer, so that a
     * client retrying at once finds what was given back; not called once DATA was answered 2xx. The adapter reports
     * the event only; what it means is the application's. No transaction; a runtime exception is logged and
     * otherwise ignored.
     */
    void transactionAbandoned(SmtpSession session);
}
