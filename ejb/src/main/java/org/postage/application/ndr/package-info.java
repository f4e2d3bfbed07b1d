/**
 * Non-delivery reports for submissions that broke a rule after they were accepted: whether to send one
 * ({@link org.postage.application.ndr.NdrPolicy}) and its bytes, an RFC 3464 multipart/report
 * ({@link org.postage.application.ndr.NonDeliveryReport}). Pure code: the caller relays the report from the null
 * sender ({@code MAIL FROM:<>}) to the envelope sender of the original message.
 */
package org.postage.application.ndr;
