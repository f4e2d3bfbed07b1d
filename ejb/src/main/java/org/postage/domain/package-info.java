/**
 * The domain: accounts, SMTP credentials, accepted messages and their recipients, with the rules that belong to
 * them, and the repository interfaces the application uses to find them.
 */
package org.postage.domain;
