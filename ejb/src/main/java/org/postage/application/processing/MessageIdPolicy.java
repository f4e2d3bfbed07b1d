package org.postage.application.processing;

/**
 * Whether each relayed message keeps the client's Message-ID, for senders that correlate by it, instead of getting
 * its own {@code <message id>@<host name>}. The client's is kept as metadata either way.
 */
public record MessageIdPolicy(boolean keepClientMessageId) {}
