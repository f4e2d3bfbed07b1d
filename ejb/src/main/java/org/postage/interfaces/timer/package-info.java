/** Scheduled work: the six-hourly DNS check of sending domains, the janitor of ended rate-counter windows. */
package org.postage.interfaces.timer;
