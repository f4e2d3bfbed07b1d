/**
 * The submission content rules (issue 3): what a message sent over SMTP must look like before Postage accepts it,
 * and the Flexmail options its {@code X-Flexmail-*} headers ask for.
 * {@link org.postage.domain.submission.SubmissionInspector} reads the raw bytes once and returns every broken rule as
 * a {@link org.postage.domain.submission.Violation}, worded for an SMTP reply or an NDR;
 * {@link org.postage.domain.submission.RawMessageEditor} edits header fields of the raw bytes without ever re-encoding
 * the body. Pure code: no container, no I/O beyond the byte array.
 */
package org.postage.domain.submission;
