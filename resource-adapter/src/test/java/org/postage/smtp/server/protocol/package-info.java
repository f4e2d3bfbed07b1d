/** The SMTP dialogue end to end: a real server on a free port, real clients, a recording listener. */
package org.postage.smtp.server.protocol;
