package org.postage.smtp.server.command;

import java.io.IOException;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.server.Session;

/**
 * Base of Postage's commands. subethasmtp dispatches on the first four characters of a line, so "NOOPX" would
 * reach NOOP and "QUITE" would quit: the verb is checked in full here, and anything else is an unknown command.
 */
abstract class SmtpCommand extends BaseCommand {

    protected SmtpCommand(String verb) {
        super(verb, verb);
    }

    @Override
    public final void execute(String line, Session session) throws IOException {
        String arguments = argumentsOf(line);
        if (arguments == null) {
            reply(session, SmtpReplies.UNKNOWN_COMMAND);
            return;
        }
        run(arguments, session);
    }

    /** Handles the command; {@code arguments} is what follows the verb, trimmed, possibly empty. */
    protected abstract void run(String arguments, Session session) throws IOException;

    protected static void reply(Session session, Reply reply) throws IOException {
        session.sendResponse(reply.toString());
    }

    private String argumentsOf(String line) {
        String verb = getName();
        if (!line.regionMatches(true, 0, verb, 0, verb.length())) {
            return null;
        }
        String rest = line.substring(verb.length());
        if (rest.isEmpty()) {
            return rest;
        }
        return rest.charAt(0) == ' ' ? rest.strip() : null;
    }
}
