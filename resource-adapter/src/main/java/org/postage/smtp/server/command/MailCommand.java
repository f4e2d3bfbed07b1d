package org.postage.smtp.server.command;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.server.Session;

/**
 * MAIL FROM: only after TLS and AUTH. Accepts the null sender, SIZE (RFC 1870: too big is refused here, before any
 * data is sent), BODY=7BIT/8BITMIME (RFC 6152) and AUTH= (RFC 4954 5, ignored); any other parameter is refused.
 */
final class MailCommand extends SmtpCommand {

    private final CommandContext context;

    MailCommand(CommandContext context) {
        super("MAIL");
        this.context = context;
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        if (!session.isTLSStarted()) {
            reply(session, SmtpReplies.TLS_REQUIRED);
            return;
        }
        if (!Sessions.isAuthenticated(session)) {
            reply(session, SmtpReplies.AUTH_REQUIRED);
            return;
        }
        if (session.isMailTransactionInProgress()) {
            reply(session, SmtpReplies.BAD_SEQUENCE_NESTED_MAIL);
            return;
        }
        PathArguments path;
        long size;
        try {
            path = PathArguments.parse(arguments, "FROM:", SmtpReplies.BAD_SENDER_SYNTAX);
            size = checkParameters(path.parameters());
        } catch (InvalidArgumentsException e) {
            reply(session, e.reply());
            return;
        }
        Reply decision = context.invoker().mailFrom(Sessions.view(session), path.address(), size);
        if (decision.isPositive()) {
            session.startMailTransaction();
            Sessions.transaction(session).begin(path.address(), size);
        }
        reply(session, decision);
    }

    /** @return the declared SIZE, or -1 */
    private long checkParameters(Map<String, String> parameters) throws InvalidArgumentsException {
        long size = -1;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String value = parameter.getValue();
            switch (parameter.getKey()) {
                case "SIZE" -> size = declaredSize(value);
                case "BODY" -> checkBody(value);
                case "AUTH" -> requireValue(value);
                default -> throw new InvalidArgumentsException(SmtpReplies.PARAMETER_NOT_IMPLEMENTED);
            }
        }
        return size;
    }

    private long declaredSize(String value) throws InvalidArgumentsException {
        requireValue(value);
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidArgumentsException(SmtpReplies.SYNTAX_ERROR);
        }
        // More digits than a long holds is certainly more than the maximum.
        long size = value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
        if (size > context.settings().maxMessageSize()) {
            throw new InvalidArgumentsException(SmtpReplies.MESSAGE_TOO_BIG);
        }
        return size;
    }

    private static void checkBody(String value) throws InvalidArgumentsException {
        requireValue(value);
        String body = value.toUpperCase(Locale.ROOT);
        if (!body.equals("7BIT") && !body.equals("8BITMIME")) {
            // BINARYMIME needs CHUNKING, which is not offered.
            throw new InvalidArgumentsException(SmtpReplies.PARAMETER_NOT_IMPLEMENTED);
        }
    }

    private static void requireValue(String value) throws InvalidArgumentsException {
        if (value == null) {
            throw new InvalidArgumentsException(SmtpReplies.SYNTAX_ERROR);
        }
    }
}
