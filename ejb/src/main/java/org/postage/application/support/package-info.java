/** Small mechanisms shared by the use cases: group commits, unique-key checks, short-lived confirmations, the host name. */
package org.postage.application.support;
