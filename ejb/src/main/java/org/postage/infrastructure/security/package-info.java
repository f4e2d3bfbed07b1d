/** Password hashing and random secrets. */
package org.postage.infrastructure.security;
