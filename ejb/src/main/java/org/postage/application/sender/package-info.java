/** Senders of an account: add, verify by a one-time link or by the operator, remove, and check at MAIL. */
package org.postage.application.sender;
