package org.postage.application.sendingdomain;

/** A sending domain was added or its DNS check stored: fired inside the transaction that wrote it. */
public record SendingDomainChanged(String name) {}
