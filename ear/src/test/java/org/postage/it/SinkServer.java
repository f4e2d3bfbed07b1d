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
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The smarthost Postage relays to in the tests: a real SMTP server on loopback that keeps every message it
 * accepts, and answers a chosen reply for chosen recipients.
 */
final class SinkServer implements AutoCloseable {

    record Delivery(String envelopeSender, List<String> recipients, byte[] content) {
        String text() {
            return new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private final int port;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private SMTPServer server;

    SinkServer(int port) {
        this.port = port;
    }

    /** RCPT for this address gets this reply, e.g. "550 5.1.1 No such user". */
    SinkServer answer(String recipient, String reply) {
        replies.put(recipient.toLowerCase(), reply);
        return this;
    }

    SinkServer start() {
        server = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("sink.test")
                .messageHandlerFactory(this::handler)
                .build();
        server.start();
        return this;
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
                deliveries.add(new Delivery(from, List.copyOf(to), out.toByteArray()));
                return null;
            }

            @Override
            public void done() {
            }
        };
    }
}
