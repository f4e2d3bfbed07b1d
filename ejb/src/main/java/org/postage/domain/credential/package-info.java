/** SMTP credentials of an account and the operator's own secret, stored only as hashes. */
package org.postage.domain.credential;
