/** Use cases of accounts: create, find, change their limits. */
package org.postage.application.account;
