/**
 * Operator settings from MicroProfile Config, all in {@link org.postage.infrastructure.config.Settings}: every
 * {@code postage.x.y} property can be overridden by the environment variable {@code POSTAGE_X_Y}, each is checked
 * when the application deploys, and the other packages receive typed values. The README lists them all with their
 * defaults.
 */
package org.postage.infrastructure.config;
