package org.postage.smtp.server.command;

import java.io.IOException;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.server.Session;

/** RSET: abandons the mail transaction; EHLO, TLS and AUTH stay. */
final class RsetCommand extends SmtpCommand {

    RsetCommand() {
        super("RSET");
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        if (!arguments.isEmpty()) {
            reply(session, SmtpReplies.SYNTAX_ERROR);
            return;
        }
        session.resetMailTransaction();
        reply(session, SmtpReplies.RESET_OK);
    }
}
