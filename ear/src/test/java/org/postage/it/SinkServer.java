package org.postage.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * The smarthost Postage relays to in the tests: a real SMTP server on loopback that keeps every message it
 * accepts, and answers a chosen reply for chosen recipients. subethasmtp advertises 8BITMIME;
 * {@link #without8BitMime()} makes a sink that does not, as an old or strict relay.
 */
final class SinkServer implements AutoCloseable {

    /** @param helo the name the client gave in EHLO or HELO */
    record Delivery(String envelopeSender, List<String> recipients, byte[] content, String helo) {
        String text() {
            return new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private final int port;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private final List<String> mailCommands = new CopyOnWriteArrayList<>();
    private boolean eightBitMime = true;
    private SMTPServer server;
    private SSLContext tls;
    private String user;
    private String password;

    SinkServer(int port) {
        this.port = port;
    }

    /** RCPT for this address gets this reply, e.g. "550 5.1.1 No such user". */
    SinkServer answer(String recipient, String reply) {
        replies.put(recipient.toLowerCase(), reply);
        return this;
    }

    /** RCPT for this address is accepted again. */
    SinkServer accept(String recipient) {
        replies.remove(recipient.toLowerCase());
        return this;
    }

    /** Requires STARTTLS and then AUTH with this user and password, as a provider's smarthost would. */
    SinkServer requireTlsAndAuth(SSLContext tls, String user, String password) {
        this.tls = tls;
        this.user = user;
        this.password = password;
        return this;
    }

    /** EHLO answers only the host name: no 8BITMIME, no SIZE (not with {@link #requireTlsAndAuth}). */
    SinkServer without8BitMime() {
        this.eightBitMime = false;
        return this;
    }

    SinkServer start() {
        SMTPServer.Builder builder = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("sink.test")
                .messageHandlerFactory(this::handler);
        if (tls != null) {
            builder.startTlsSocketFactory(tls)
                    .requireTLS()
                    .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((u, p, context) -> {
                        if (!user.equals(u) || !password.equals(p)) {
                            throw new LoginFailedException();
                        }
                        logins.add(u);
                    }))
                    .requireAuth();
        }
        server = builder.build();
        CommandHandler commands = server.getCommandHandler();
        commands.addCommand(new RecordingCommand(commands.getCommand("MAIL"), mailCommands));
        if (!eightBitMime) {
            if (tls != null) {
                throw new IllegalStateException("a sink without 8BITMIME offers no STARTTLS either");
            }
            commands.addCommand(new EhloWithout8BitMime());
        }
        server.start();
        return this;
    }

    /** Every MAIL command line as the client sent it, parameters (BODY=8BITMIME...) included. */
    List<String> mailCommands() {
        return List.copyOf(mailCommands);
    }

    /** The users that authenticated successfully, one entry per login. */
    List<String> logins() {
        return List.copyOf(logins);
    }

    int port() {
        return port;
    }

    List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /** Every delivery whose content contains the marker. */
    List<Delivery> containing(String marker) {
        return deliveries.stream().filter(d -> d.text().contains(marker)).toList();
    }

    @Override
    public void close() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    /** subethasmtp's command, after noting the line it was given. */
    private record RecordingCommand(Command command, List<String> lines) implements Command {

        @Override
        public void execute(String line, Session session) throws IOException, DropConnectionException {
            lines.add(line);
            command.execute(line, session);
        }

        @Override
        public HelpMessage getHelp() throws CommandException {
            return command.getHelp();
        }

        @Override
        public String getName() {
            return command.getName();
        }
    }

    /** subethasmtp's EHLO without its extensions (8BITMIME, SIZE, CHUNKING, SMTPUTF8). */
    private static final class EhloWithout8BitMime extends BaseCommand {

        EhloWithout8BitMime() {
            super("EHLO", "Introduce yourself.", "<hostname>");
        }

        @Override
        public void execute(String line, Session session) throws IOException {
            String[] args = getArgs(line);
            if (args.length < 2) {
                session.sendResponse("501 Syntax: EHLO hostname");
                return;
            }
            session.resetMailTransaction();
            session.setHelo(args[1]);
            session.sendResponse("250-" + session.getServer().getHostName() + "\r\n250 Ok");
        }
    }

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            private String from;
            private final List<String> to = new ArrayList<>();

            @Override
            public void from(String from) throws RejectException {
                this.from = from;
            }

            @Override
            public void recipient(String recipient) throws RejectException {
                String reply = replies.get(recipient.toLowerCase());
                if (reply != null) {
                    throw new RejectException(Integer.parseInt(reply.substring(0, 3)), reply.substring(4));
                }
                to.add(recipient);
            }

            @Override
            public String data(InputStream data) throws IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                data.transferTo(out);
                deliveries.add(new Delivery(
                        from,
                        List.copyOf(to),
                        out.toByteArray(),
                        context.getHelo().orElse(null)));
                return null;
            }

            @Override
            public void done() {}
        };
    }
}
