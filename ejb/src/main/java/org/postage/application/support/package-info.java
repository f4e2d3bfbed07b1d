/**
 * Small mechanisms shared by the use cases: group commits, the lookup cache, unique-key checks, the host name, and
 * the kinds of refusal (unknown reference, state conflict) that callers map once.
 */
package org.postage.application.support;
