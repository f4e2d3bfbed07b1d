package org.postage.smtp.server.command;

import java.io.IOException;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.server.Session;

/** NOOP, with or without an argument (RFC 5321 4.1.1.9). */
final class NoopCommand extends SmtpCommand {

    NoopCommand() {
        super("NOOP");
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        reply(session, SmtpReplies.NOOP_OK);
    }
}
