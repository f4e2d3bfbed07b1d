/** The endpoint of the SMTP resource adapter: unpacks each SMTP phase and calls the submission use case. */
package org.postage.interfaces.smtp;
