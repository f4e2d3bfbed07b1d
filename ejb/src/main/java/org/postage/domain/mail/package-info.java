/**
 * Mail format primitives shared by every capability: the header section of a raw message as exact bytes and
 * offsets ({@link org.postage.domain.mail.HeaderSection}, {@link org.postage.domain.mail.HeaderField}). Pure code:
 * no container, no I/O beyond the byte array.
 */
package org.postage.domain.mail;
