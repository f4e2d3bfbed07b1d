/** Secrets: random tokens and passwords, their hashes, one-time link tokens. Pure JDK crypto, no state. */
package org.postage.domain.secret;
