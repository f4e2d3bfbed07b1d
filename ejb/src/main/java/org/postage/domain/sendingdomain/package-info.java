/** Sending domains of an account, their DKIM keys and selectors, and the last verdict on each DNS record. */
package org.postage.domain.sendingdomain;
