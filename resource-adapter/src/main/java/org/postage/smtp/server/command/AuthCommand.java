package org.postage.smtp.server.command;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Locale;
import org.postage.api.AuthResult;
import org.postage.api.Reply;
import org.postage.api.SmtpReplies;
import org.postage.smtp.server.AuthFailureThrottle;
import org.subethamail.smtp.server.Session;

/**
 * AUTH PLAIN and LOGIN, only over TLS and once per session. Failed credentials are answered through the
 * {@link AuthFailureThrottle}, so guessing is slow per client address however many connections it opens.
 */
final class AuthCommand extends SmtpCommand {

    private final CommandContext context;

    AuthCommand(CommandContext context) {
        super("AUTH");
        this.context = context;
    }

    @Override
    protected void run(String arguments, Session session) throws IOException {
        Reply refusal = refusal(arguments, session);
        if (refusal != null) {
            reply(session, refusal);
            return;
        }
        String[] words = arguments.split(" ");
        String initialResponse = words.length > 1 ? words[1] : null;
        SaslMechanisms.Credentials credentials;
        try {
            SaslExchange exchange = new SaslExchange(session);
            credentials = words[0].toUpperCase(Locale.ROOT).equals("PLAIN")
                    ? SaslMechanisms.plain(exchange, initialResponse)
                    : SaslMechanisms.login(exchange, initialResponse);
        } catch (InvalidArgumentsException e) {
            if (e.reply().equals(SmtpReplies.AUTH_FAILED)) {
                answerFailure(session, e.reply());
            } else {
                reply(session, e.reply());
            }
            return;
        } catch (SaslExchange.ClientGone e) {
            return;
        }
        verify(session, credentials);
    }

    /** Why this AUTH cannot even start, or null. */
    private static Reply refusal(String arguments, Session session) {
        if (!session.isTLSStarted()) {
            return SmtpReplies.TLS_REQUIRED;
        }
        // A transaction implies AUTH already succeeded: check it first, or its reply could never be given.
        if (session.isMailTransactionInProgress()) {
            return SmtpReplies.BAD_SEQUENCE_AUTH_IN_TRANSACTION;
        }
        if (Sessions.isAuthenticated(session)) {
            return SmtpReplies.BAD_SEQUENCE_ALREADY_AUTHENTICATED;
        }
        String[] words = arguments.split(" ");
        if (arguments.isEmpty() || words.length > 2) {
            return SmtpReplies.SYNTAX_ERROR;
        }
        String mechanism = words[0].toUpperCase(Locale.ROOT);
        return mechanism.equals("PLAIN") || mechanism.equals("LOGIN") ? null : SmtpReplies.AUTH_MECHANISM_UNSUPPORTED;
    }

    private void verify(Session session, SaslMechanisms.Credentials credentials) throws IOException {
        InetAddress client = Sessions.clientAddress(session);
        try {
            context.throttle().awaitTurn(client);
        } catch (InterruptedException e) {
            interrupted(session);
            return;
        }
        AuthResult result =
                context.invoker().authenticate(Sessions.view(session), credentials.username(), credentials.password());
        if (result.isAccepted()) {
            session.setAuthenticationHandler(new AuthenticatedIdentity(result.principal()));
            reply(session, result.reply());
        } else if (result.reply().isPositive()) {
            // A 2xx without a principal is a listener bug, not a login.
            reply(session, SmtpReplies.LOCAL_ERROR);
        } else if (result.reply().isPermanent()) {
            answerFailure(session, result.reply());
        } else {
            reply(session, result.reply());
        }
    }

    private void answerFailure(Session session, Reply failure) throws IOException {
        try {
            context.throttle().delayFailure(Sessions.clientAddress(session));
        } catch (InterruptedException e) {
            interrupted(session);
            return;
        }
        reply(session, failure);
    }

    /** Only a server stop interrupts a session thread. */
    private static void interrupted(Session session) throws IOException {
        Thread.currentThread().interrupt();
        reply(session, SmtpReplies.SERVICE_UNAVAILABLE);
        session.quit();
    }
}
