/** Mail that Postage sends itself (NDRs, verification links): recorded and queued like any other message. */
package org.postage.application.ownmail;
