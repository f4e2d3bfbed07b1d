/**
 * Delivery of one queued message to the next hop: DKIM signing (after a conversion to 7 bit for a hop without
 * 8BITMIME, {@link org.postage.application.delivery.OutgoingContent}), the return path, the relay port, recording
 * the outcome and scheduling retries. Side effects go through ports ({@link org.postage.application.delivery.Relay},
 * {@link org.postage.application.delivery.MessageSigner}); no SMTP client type appears here.
 */
package org.postage.application.delivery;
