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
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The smarthost Postage relays to in the tests: a real SMTP server on loopback that keeps every message it
 * accepts, and answers a chosen reply for chosen recipients.
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
        server.start();
        return this;
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
