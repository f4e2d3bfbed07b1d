/** Per-recipient rate limits, counted at RCPT in rows every node of a cluster shares. */
package org.postage.application.ratelimit;
