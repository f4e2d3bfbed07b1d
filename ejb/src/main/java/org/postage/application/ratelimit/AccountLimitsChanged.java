package org.postage.application.ratelimit;

/** An account's per-recipient limits were set: fired inside the transaction that wrote them. */
public record AccountLimitsChanged(long accountId) {}
