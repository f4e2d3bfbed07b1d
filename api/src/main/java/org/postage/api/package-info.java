/**
 * The contract between the SMTP resource adapter and the application: the listener interface, the replies
 * it returns, and the session and envelope it receives. Nothing else belongs here.
 */
package org.postage.api;
