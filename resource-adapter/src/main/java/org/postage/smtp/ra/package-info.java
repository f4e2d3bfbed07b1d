/**
 * The JCA resource adapter: the container starts it, and binds each SMTP message-driven bean to it through an
 * activation, which owns one SMTP listener.
 */
package org.postage.smtp.ra;
