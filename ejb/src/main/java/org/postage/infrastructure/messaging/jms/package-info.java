/**
 * The submission and outbound queues on the Artemis broker. Every JNDI name is in {@link
 * org.postage.infrastructure.messaging.jms.JmsNames}.
 */
package org.postage.infrastructure.messaging.jms;
