/**
 * Small mechanisms shared by the use cases: group commits, the lookup cache, unique-key checks, the host name, the
 * public URL, and the kinds of refusal (unknown reference, state conflict, a change not done) that callers map once.
 */
package org.postage.application.support;
