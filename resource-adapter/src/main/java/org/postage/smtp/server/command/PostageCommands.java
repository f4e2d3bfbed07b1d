package org.postage.smtp.server.command;

import java.util.List;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandHandler;

/** Replaces every command subethasmtp registered with Postage's own. */
public final class PostageCommands {

    private PostageCommands() {}

    public static void install(CommandHandler handler, CommandContext context) {
        List<Command> commands = List.of(
                new EhloCommand(context),
                new HeloCommand(context),
                new StartTlsCommand(),
                new AuthCommand(context),
                new MailCommand(context),
                new RcptCommand(context),
                new DataCommand(context),
                new RsetCommand(),
                new NoopCommand(),
                new QuitCommand(),
                new VrfyCommand(),
                new FixedReplyCommand("EXPN", SmtpReplies.NOT_IMPLEMENTED),
                new FixedReplyCommand("HELP", SmtpReplies.NOT_IMPLEMENTED),
                // CommandHandler offers no way to remove a verb: BDAT is answered as if it did not exist.
                new FixedReplyCommand("BDAT", SmtpReplies.UNKNOWN_COMMAND));
        commands.forEach(handler::addCommand);
        // A later subethasmtp could register a verb we do not know of, with replies we do not control: refuse it.
        for (String verb : handler.getVerbs()) {
            if (!(handler.getCommand(verb) instanceof SmtpCommand)) {
                throw new IllegalStateException("subethasmtp's " + verb + " command has no Postage replacement");
            }
        }
    }
}
