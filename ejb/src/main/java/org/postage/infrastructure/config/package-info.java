/**
 * Operator settings from MicroProfile Config: every {@code postage.x.y} property can be overridden by the
 * environment variable {@code POSTAGE_X_Y}. The README lists them all with their defaults.
 */
package org.postage.infrastructure.config;
