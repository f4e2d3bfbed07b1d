/**
 * SMTP credentials: issue (the password shown once), revoke, narrow to some senders, and check at AUTH. Answers
 * for active credentials and verified passwords are remembered briefly, and dropped after a change commits.
 */
package org.postage.application.credential;
