/**
 * A submission as accepted, its messages (one per recipient), their states and events, and the rule for retries.
 * Queue ids and message ids are value objects.
 */
package org.postage.domain.message;
