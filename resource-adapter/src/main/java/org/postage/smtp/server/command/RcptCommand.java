package org.postage.smtp.server.command;

import java.io.IOException;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.server.Session;

/**
 * RCPT TO: inside a transaction, up to the per-message maximum (then 452 4.5.3, which tells the client to send the
 * rest in another message). No parameters: DSN is not offered.
 */
final class RcptCommand extends SmtpCommand {

    private final CommandContext context;

    RcptCommand(CommandContext context) {
        super("RCPT");
        this.context = context;
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        if (!session.isMailTransactionInProgress()) {
            reply(session, SmtpReplies.BAD_SEQUENCE_NEED_MAIL);
            return;
        }
        MailTransaction transaction = Sessions.transaction(session);
        if (transaction.recipientCount() >= context.settings().maxRecipients()) {
            reply(session, SmtpReplies.TOO_MANY_RECIPIENTS);
            return;
        }
        PathArguments path;
        try {
            path = PathArguments.parse(arguments, "TO:", SmtpReplies.BAD_RECIPIENT_SYNTAX);
        } catch (InvalidArgumentsException e) {
            reply(session, e.reply());
            return;
        }
        if (path.address().isEmpty()) {
            reply(session, SmtpReplies.BAD_RECIPIENT_SYNTAX);
            return;
        }
        if (!path.parameters().isEmpty()) {
            reply(session, SmtpReplies.PARAMETER_NOT_IMPLEMENTED);
            return;
        }
        Reply decision = context.invoker().rcptTo(Sessions.view(session), transaction.reversePath(), path.address());
        if (decision.isPositive()) {
            transaction.addRecipient(path.address());
            session.addRecipient(path.address());
        }
        reply(session, decision);
    }
}
