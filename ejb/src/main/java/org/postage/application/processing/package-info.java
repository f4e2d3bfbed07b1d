/**
 * Processing of an accepted submission: the content, sender and domain rules; recording it with one message per
 * recipient; queueing each copy on the outbound port, or an NDR when a rule is broken.
 */
package org.postage.application.processing;
