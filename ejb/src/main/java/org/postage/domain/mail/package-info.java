/**
 * Mail format primitives shared by every capability: the header section of a raw message as exact bytes and
 * offsets ({@link org.postage.domain.mail.HeaderSection}, {@link org.postage.domain.mail.HeaderField}), and the
 * {@link org.postage.domain.mail.EmailAddress} the application stores and compares, and when two envelope addresses
 * are one recipient ({@link org.postage.domain.mail.EnvelopeAddresses}); also the conversion of 8-bit mail to 7 bit
 * for a next hop without 8BITMIME ({@link org.postage.domain.mail.SevenBitConversion}). Pure code: no container, no
 * I/O beyond the byte array. The resource adapter keeps its own RFC 5321 path syntax for the envelope.
 */
package org.postage.domain.mail;
