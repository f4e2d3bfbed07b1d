/**
 * The SMTP protocol layer, free of any container: subethasmtp's {@code SMTPServer} with Postage's own commands,
 * the bulk DATA reader, the AUTH failure throttle, TLS key material and policy (STARTTLS and implicit TLS alike) and
 * the session thread pool. The resource
 * adapter plugs an endpoint-backed {@link org.postage.smtp.server.ListenerInvoker} into it; unit tests plug in a
 * plain object through {@link org.postage.smtp.server.DirectInvoker}.
 */
package org.postage.smtp.server;
