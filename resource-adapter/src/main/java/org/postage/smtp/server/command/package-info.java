/**
 * Postage's SMTP commands, which replace every command subethasmtp registers: replies with RFC 3463 enhanced
 * status codes from {@link org.postage.api.SmtpReplies}, an EHLO that advertises exactly what is implemented,
 * TLS before AUTH before MAIL, strict address and parameter syntax, and the bulk
 * {@link org.postage.smtp.server.DataReader}. Per-session state lives in subethasmtp's session: the principal in
 * its authentication handler slot, the envelope in its message handler slot ({@link MailTransaction}).
 */
package org.postage.smtp.server.command;
