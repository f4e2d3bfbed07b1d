/** The operator's REST API under /api/admin, behind HTTP Basic authentication as user admin. */
package org.postage.web.admin;
