/** The operator's login to the admin API: one user, its password hashed, generated and logged once when not set. */
package org.postage.application.admin;
