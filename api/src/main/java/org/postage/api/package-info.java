/**
 * The contract between the SMTP resource adapter and the application: the listener interface, the replies
 * it returns, the session and envelope it receives, and the defaults both sides share. Nothing else belongs here.
 */
package org.postage.api;
