/** Test support: a real SMTP server on a free port, a raw line-level SMTP client, and a recording listener. */
package org.postage.smtp.testing;
