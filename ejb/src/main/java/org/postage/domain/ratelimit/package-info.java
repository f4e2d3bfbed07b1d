/** Per-recipient limits of an account and the counter rows they are counted in. */
package org.postage.domain.ratelimit;
