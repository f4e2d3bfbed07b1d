/** The addresses an account may send as, and their verification. */
package org.postage.domain.sender;
