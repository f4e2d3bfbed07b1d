/** The HTTP side: the admin REST API (and later the sending API and console). Holds no rules of its own. */
package org.postage.web;
