/**
 * Message inflow: the activation spec (the settings of one endpoint's listeners), the activation that owns them, and
 * the invoker that turns each SMTP phase into one call on a JCA message endpoint, answering "250" to DATA only
 * once the endpoint's transaction has committed.
 */
package org.postage.smtp.ra.inflow;
