/** Pages people open from links in mail Postage sends: no admin login, the link's token is the authority. */
package org.postage.web.pages;
