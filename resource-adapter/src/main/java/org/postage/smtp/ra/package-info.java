/**
 * The JCA resource adapter: the container starts it, and binds each SMTP message-driven bean to it through an
 * activation, which owns that endpoint's SMTP listeners (the submission port and the implicit-TLS port).
 */
package org.postage.smtp.ra;
