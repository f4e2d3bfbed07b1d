/** Queries over submissions and their messages for the admin API. */
package org.postage.application.message;
