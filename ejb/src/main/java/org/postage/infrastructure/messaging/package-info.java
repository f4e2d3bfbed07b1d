/** The outbound queue on the embedded Artemis broker. Every JNDI name is in {@link org.postage.infrastructure.messaging.JmsNames}. */
package org.postage.infrastructure.messaging;
