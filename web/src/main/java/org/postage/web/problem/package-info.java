/** Every HTTP error as application/problem+json (RFC 9457), never a stack trace; each kind is mapped once, here. */
package org.postage.web.problem;
