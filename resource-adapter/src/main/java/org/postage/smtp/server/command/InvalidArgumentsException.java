package org.postage.smtp.server.command;

import org.postage.api.Reply;

/** Arguments that cannot be accepted, with the reply that says why. */
final class InvalidArgumentsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    InvalidArgumentsException(Reply reply) {
        super(reply.toString(), null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }
}
