package org.postage.smtp.server.command;

import java.io.IOException;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.server.Session;

/** HELO: the plain greeting, for clients without ESMTP (which cannot submit here: AUTH needs EHLO's STARTTLS). */
final class HeloCommand extends SmtpCommand {

    private final CommandContext context;

    HeloCommand(CommandContext context) {
        super("HELO");
        this.context = context;
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        if (arguments.isEmpty()) {
            reply(session, SmtpReplies.SYNTAX_ERROR);
            return;
        }
        session.resetMailTransaction();
        session.setHelo(arguments.split(" ")[0]);
        session.sendResponse("250 " + context.settings().hostName());
    }
}
