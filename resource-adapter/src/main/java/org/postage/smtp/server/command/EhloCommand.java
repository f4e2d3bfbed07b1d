package org.postage.smtp.server.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.postage.api.SmtpReplies;
import org.subethamail.smtp.server.Session;

/**
 * EHLO: advertises exactly what Postage implements. STARTTLS only before TLS and AUTH only after it, so no
 * credentials are invited in clear text. No CHUNKING or SMTPUTF8: neither is implemented.
 * RFC 2034: replies to EHLO and HELO carry no enhanced status code.
 */
final class EhloCommand extends SmtpCommand {

    private final CommandContext context;

    EhloCommand(CommandContext context) {
        super("EHLO");
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

        List<String> lines = new ArrayList<>();
        lines.add(context.settings().hostName());
        lines.add("PIPELINING");
        lines.add("SIZE " + context.settings().maxMessageSize());
        lines.add("8BITMIME");
        lines.add("ENHANCEDSTATUSCODES");
        if (session.isTLSStarted()) {
            lines.add("AUTH PLAIN LOGIN");
        } else {
            lines.add("STARTTLS");
        }
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            reply.append(i == 0 ? "" : "\r\n")
                    .append("250")
                    .append(i == lines.size() - 1 ? ' ' : '-')
                    .append(lines.get(i));
        }
        session.sendResponse(reply.toString());
    }
}
