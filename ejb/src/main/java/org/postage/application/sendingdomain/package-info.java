/** Sending domains: add with a DKIM key, show the records to publish, check them in DNS now and every six hours. */
package org.postage.application.sendingdomain;
