/** Accounts: the tenants of Postage. */
package org.postage.domain.account;
