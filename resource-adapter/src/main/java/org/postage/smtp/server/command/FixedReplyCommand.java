package org.postage.smtp.server.command;

import java.io.IOException;
import org.postage.api.Reply;
import org.subethamail.smtp.server.Session;

/** A verb that always gets the same reply: EXPN and HELP (not implemented), BDAT (not offered). */
final class FixedReplyCommand extends SmtpCommand {

    private final Reply reply;

    FixedReplyCommand(String verb, Reply reply) {
        super(verb);
        this.reply = reply;
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        reply(session, reply);
    }
}
