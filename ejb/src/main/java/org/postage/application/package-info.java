/**
 * Use cases, one per public method: issuing and checking credentials, admitting and accepting submissions,
 * delivering queued messages. Side effects go through ports ({@link org.postage.application.OutboundQueue},
 * {@link org.postage.application.Relay}); no JMS or SMTP client type appears here.
 */
package org.postage.application;
