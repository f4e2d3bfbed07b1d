package org.postage.api;

/**
 * What the application may know about the SMTP connection a call comes from.
 *
 * @param sessionId     unique per connection, for logs
 * @param clientAddress the client's IP address as text
 * @param heloName      the name the client gave in EHLO or HELO, or null
 * @param tls           whether STARTTLS has completed
 * @param principal     the authenticated identity returned by {@link SubmissionListener#authenticate}, or null
 */
public record SmtpSession(String sessionId, String clientAddress, String heloName, boolean tls, String principal)
        implements java.io.Serializable {}
