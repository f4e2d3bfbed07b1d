/** Delivery to the configured smarthost with Angus Mail, over a small pool of reused SMTP connections. */
package org.postage.infrastructure.relay;
