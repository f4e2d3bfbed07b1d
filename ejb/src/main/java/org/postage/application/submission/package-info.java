/**
 * Acceptance of a submission from any channel: the SMTP phases (AUTH, MAIL, RCPT, DATA) and the durable write of
 * the raw message to the submission queue port before anything is acknowledged; for SMTP, what each open mail
 * transaction counted against the rate limits, given back when it ends without a message.
 */
package org.postage.application.submission;
