/**
 * The submission content rules (issue 3): what a message sent over SMTP must look like before Postage accepts it.
 * {@link org.postage.domain.submission.RawMessageEditor} edits header fields of the raw bytes without ever
 * re-encoding the body. Pure code: no container, no I/O beyond the byte array.
 */
package org.postage.domain.submission;
