package org.postage.smtp.server.command;

import java.io.IOException;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.server.Session;

/** QUIT: says goodbye and closes the connection. */
final class QuitCommand extends SmtpCommand {

    QuitCommand() {
        super("QUIT");
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        reply(session, SmtpReplies.BYE);
        session.quit();
    }
}
