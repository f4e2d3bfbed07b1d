package org.postage.api;

/**
 * Every SMTP reply Postage sends, defined once. The resource adapter and the application both use these,
 * and NDRs reuse the same enhanced status codes.
 */
public final class SmtpReplies {

    private SmtpReplies() {}

    // 2xx
    public static final Reply OK = new Reply(250, "2.0.0", "OK");
    public static final Reply SENDER_OK = new Reply(250, "2.1.0", "Sender OK");
    public static final Reply RECIPIENT_OK = new Reply(250, "2.1.5", "Recipient OK");
    /** Text is replaced by the queue id: "250 2.0.0 Ok: queued as {id}". */
    public static final Reply QUEUED = new Reply(250, "2.0.0", "Ok: queued");

    public static final Reply RESET_OK = new Reply(250, "2.0.0", "Flushed");
    public static final Reply NOOP_OK = new Reply(250, "2.0.0", "OK");
    public static final Reply VRFY_DISABLED =
            new Reply(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");
    public static final Reply AUTH_OK = new Reply(235, "2.7.0", "Authentication successful");
    public static final Reply BYE = new Reply(221, "2.0.0", "Bye");
    public static final Reply READY_FOR_TLS = new Reply(220, "2.0.0", "Ready to start TLS");
    public static final Reply START_DATA = new Reply(354, null, "End data with <CR><LF>.<CR><LF>");

    // 4xx: the client should try again later
    public static final Reply SERVICE_UNAVAILABLE = new Reply(421, "4.3.2", "Service shutting down, try again later");
    public static final Reply TOO_MANY_CONNECTIONS = new Reply(421, "4.7.0", "Too many connections, try again later");
    public static final Reply TIMEOUT = new Reply(421, "4.4.2", "Idle timeout, closing connection");
    public static final Reply NOT_STORED = new Reply(451, "4.3.0", "Message not stored, try again later");
    public static final Reply LOCAL_ERROR = new Reply(451, "4.3.0", "Local error in processing, try again later");
    /** Per-recipient rate limit: the client retries later; text names the recipient, the limit and when. */
    public static final Reply RECIPIENT_RATE_LIMITED =
            new Reply(450, "4.7.1", "Too many messages to this recipient, try again later");

    public static final Reply TOO_MANY_RECIPIENTS = new Reply(452, "4.5.3", "Too many recipients");
    /** The disk that holds accepted mail is (nearly) full: nothing was stored, and the client retries later. */
    public static final Reply INSUFFICIENT_STORAGE =
            new Reply(452, "4.3.1", "Insufficient system storage, try again later");

    public static final Reply AUTH_TEMPORARY_FAILURE =
            new Reply(454, "4.7.0", "Temporary authentication failure, try again later");
    public static final Reply TLS_NOT_AVAILABLE = new Reply(454, "4.7.0", "TLS not available");

    // 5xx: the client must not retry unchanged
    public static final Reply UNKNOWN_COMMAND = new Reply(500, "5.5.1", "Command not recognised");
    public static final Reply LINE_TOO_LONG = new Reply(500, "5.5.6", "Line too long");
    public static final Reply SYNTAX_ERROR = new Reply(501, "5.5.4", "Syntax error in parameters or arguments");
    /** A command line with a bare CR or LF; the adapter closes the connection after it. */
    public static final Reply BARE_LINE_ENDING =
            new Reply(501, "5.5.2", "Syntax error: command lines must end with CRLF");
    /** A command line that is not valid UTF-8; the adapter closes the connection after it. */
    public static final Reply INVALID_COMMAND_ENCODING =
            new Reply(501, "5.5.2", "Syntax error: invalid character encoding in command");

    public static final Reply BAD_SENDER_SYNTAX = new Reply(501, "5.1.7", "Bad sender address syntax");
    public static final Reply BAD_RECIPIENT_SYNTAX = new Reply(501, "5.1.3", "Bad recipient address syntax");
    public static final Reply NOT_IMPLEMENTED = new Reply(502, "5.5.1", "Command not implemented");
    public static final Reply BAD_SEQUENCE_NEED_MAIL = new Reply(503, "5.5.1", "Need MAIL command first");
    public static final Reply BAD_SEQUENCE_NEED_RCPT = new Reply(503, "5.5.1", "Need RCPT command first");
    public static final Reply BAD_SEQUENCE_NESTED_MAIL = new Reply(503, "5.5.1", "Sender already specified");
    public static final Reply BAD_SEQUENCE_ALREADY_AUTHENTICATED = new Reply(503, "5.5.1", "Already authenticated");
    public static final Reply BAD_SEQUENCE_AUTH_IN_TRANSACTION =
            new Reply(503, "5.5.1", "AUTH not allowed during a mail transaction");
    public static final Reply BAD_SEQUENCE_TLS_ACTIVE = new Reply(503, "5.5.1", "TLS already active");
    public static final Reply PARAMETER_NOT_IMPLEMENTED = new Reply(555, "5.5.4", "Unsupported MAIL or RCPT parameter");
    public static final Reply AUTH_MECHANISM_UNSUPPORTED =
            new Reply(504, "5.5.4", "Unrecognised authentication mechanism; use PLAIN or LOGIN");
    public static final Reply AUTH_CANCELLED = new Reply(501, "5.7.0", "Authentication cancelled");
    public static final Reply AUTH_MALFORMED = new Reply(501, "5.5.2", "Malformed authentication data");
    public static final Reply TLS_REQUIRED = new Reply(530, "5.7.0", "Must issue a STARTTLS command first");
    public static final Reply AUTH_REQUIRED = new Reply(530, "5.7.0", "Authentication required");
    public static final Reply AUTH_FAILED = new Reply(535, "5.7.8", "Authentication credentials invalid");
    public static final Reply MESSAGE_TOO_BIG =
            new Reply(552, "5.3.4", "Message size exceeds fixed maximum message size");
    public static final Reply LINE_TOO_LONG_IN_DATA = new Reply(
            554,
            "5.6.0",
            "Message has a line longer than 998 octets (RFC 5322"
                    + " 2.1.1); encode long lines as quoted-printable or base64");
    /** A submission that breaks a content rule (text-only, inline part, bad Flexmail header...): text is the reason. */
    public static final Reply CONTENT_REFUSED = new Reply(550, "5.6.0", "Message refused");
    /** A sender or sending domain the account may not use: text is the reason. */
    public static final Reply SENDER_REFUSED = new Reply(550, "5.7.1", "Sender not allowed");

    public static final Reply RELAY_DENIED = new Reply(550, "5.7.1", "Relaying denied: authenticate first");
    public static final Reply TRANSACTION_FAILED = new Reply(554, "5.3.0", "Transaction failed");
}
