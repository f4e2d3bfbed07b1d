package org.postage.smtp.server.command;

import java.io.IOException;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.server.Session;

/** VRFY: never confirms an address (that would let anyone harvest them), but answers 252 as RFC 5321 3.5.3 asks. */
final class VrfyCommand extends SmtpCommand {

    VrfyCommand() {
        super("VRFY");
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        reply(session, arguments.isEmpty() ? SmtpReplies.SYNTAX_ERROR : SmtpReplies.VRFY_DISABLED);
    }
}
