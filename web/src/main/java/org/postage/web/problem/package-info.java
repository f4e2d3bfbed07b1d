/** Every HTTP error as application/problem+json (RFC 9457), never a stack trace. */
package org.postage.web.problem;
