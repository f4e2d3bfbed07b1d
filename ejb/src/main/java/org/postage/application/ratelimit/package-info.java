/**
 * Per-recipient rate limits, counted at RCPT in rows every node of a cluster shares, and given back to the windows
 * they were counted in when the mail is not accepted after all.
 */
package org.postage.application.ratelimit;
