/**
 * Message inflow: the activation spec (one SMTP listener's settings), the activation that owns the listener, and
 * the invoker that turns each SMTP phase into one call on a JCA message endpoint, answering "250" to DATA only
 * once the endpoint's transaction has committed.
 */
package org.postage.smtp.ra.inflow;
