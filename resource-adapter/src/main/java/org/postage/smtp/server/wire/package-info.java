/**
 * The socket layer under subethasmtp's session. Some replies are hard-coded inside subethasmtp's final classes
 * (the command dispatcher's "500 Error: command not implemented", the session's "421 Timeout waiting for data
 * from client." and a few more), without RFC 3463 enhanced status codes. Every session writes through the socket
 * it is given, so Postage hands it a socket whose output stream replaces exactly those lines with their
 * {@link org.postage.api.SmtpReplies} equivalents; everything else passes through unchanged. On the implicit-TLS
 * port the listening socket layers TLS under that socket as it accepts.
 */
package org.postage.smtp.server.wire;
