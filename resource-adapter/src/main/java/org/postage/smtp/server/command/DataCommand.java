package org.postage.smtp.server.command;

import java.io.IOException;
import java.net.SocketTimeoutException;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.smtp.server.Causes;
import org.postage.smtp.server.DataReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;

/**
 * DATA: reads the message with the bulk {@link DataReader} and passes it on only if it is complete, within the size
 * limit and without over-long lines. The transaction ends here whatever the outcome; one not answered 2xx is
 * reported to the listener as abandoned. A client that disconnects mid-message ends the session and nothing is
 * passed on but that report.
 */
final class DataCommand extends SmtpCommand {

    private static final Logger log = LoggerFactory.getLogger(DataCommand.class);

    private final CommandContext context;

    DataCommand(CommandContext context) {
        super("DATA");
        this.context = context;
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        if (!arguments.isEmpty()) {
            reply(session, SmtpReplies.SYNTAX_ERROR);
            return;
        }
        if (!session.isMailTransactionInProgress()) {
            reply(session, SmtpReplies.BAD_SEQUENCE_NEED_MAIL);
            return;
        }
        MailTransaction transaction = Sessions.transaction(session);
        if (transaction.recipientCount() == 0) {
            reply(session, SmtpReplies.BAD_SEQUENCE_NEED_RCPT);
            return;
        }
        reply(session, SmtpReplies.START_DATA);

        DataReader reader = new DataReader(context.settings().maxMessageSize(), transaction.declaredSize());
        try {
            reader.readFrom(session.getRawInput());
        } catch (SocketTimeoutException e) {
            throw e; // the session answers 421 4.4.2 and closes
        } catch (IOException e) {
            log.debug("SMTP session {}: connection lost during DATA: {}", session.getSessionId(), Causes.describe(e));
            session.quit();
            return;
        }
        Reply outcome;
        if (reader.isTooBig()) {
            outcome = SmtpReplies.MESSAGE_TOO_BIG;
        } else if (reader.hasLineTooLong()) {
            outcome = SmtpReplies.LINE_TOO_LONG_IN_DATA;
        } else {
            outcome = context.invoker().data(Sessions.view(session), transaction.envelope(), reader.content());
        }
        if (outcome.isPositive()) {
            transaction.messageAccepted();
        }
        // Ended before the reply: one without a message is reported first, so a client retrying at once after a 4xx
        // finds what the application gave back.
        session.resetMailTransaction();
        reply(session, outcome);
    }
}
