/**
 * Acceptance of a submission from any channel: the SMTP phases (AUTH, MAIL, RCPT, DATA) and the durable write of
 * the raw message to the submission queue port before anything is acknowledged.
 */
package org.postage.application.submission;
