package org.postage.infrastructure.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Shared with the ear module's ITs through the ejb test-jar. A recursive resolver as far as a test can tell: UDP on
 * 127.0.0.1, a port of its own, answers from a map of records built with dnsjava's {@link Message}. Follows CNAMEs
 * within its data; NXDOMAIN for names it has nothing at; SERVFAIL for names told to fail; no answer at all (the
 * client times out) for names told to be silent.
 */
public final class TinyDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Set<Name> failing = ConcurrentHashMap.newKeySet();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger queries = new AtomicInteger();

    public TinyDnsServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(this::serve, "tiny-dns-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code 127.0.0.1:port}, as the resolver setting takes it. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public int queries() {
        return queries.get();
    }

    /** One TXT record made of the given strings (a long value needs several, each at most 255 bytes). */
    public TinyDnsServer txt(String name, String... strings) {
        return add(new TXTRecord(name(name), DClass.IN, 300, List.of(strings)));
    }

    /** One TXT record, its value cut into strings of 255 bytes as DNS consoles do. */
    public TinyDnsServer longTxt(String name, String value) {
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 255) {
            strings.add(value.substring(i, Math.min(value.length(), i + 255)));
        }
        return txt(name, strings.toArray(String[]::new));
    }

    public TinyDnsServer cname(String name, String target) {
        return add(new CNAMERecord(name(name), DClass.IN, 300, name(target)));
    }

    public TinyDnsServer servfail(String name) {
        failing.add(name(name));
        return this;
    }

    /** Queries for this name get no answer, as from a resolver that is down or cut off: the client times out. */
    public TinyDnsServer silent(String name) {
        silent.add(name(name));
        return this;
    }

    /** Answers this name from its data again, after {@link #servfail} or {@link #silent}. */
    public TinyDnsServer heal(String name) {
        failing.remove(name(name));
        silent.remove(name(name));
        return this;
    }

    private TinyDnsServer add(Record record) {
        zone.computeIfAbsent(record.getName(), n -> new CopyOnWriteArrayList<>())
                .add(record);
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                queries.incrementAndGet();
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (silent.contains(query.getQuestion().getName())) {
                    continue;
                }
                byte[] wire = answer(query).toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // Closed, or a query it cannot parse: a test server ignores both.
            }
        }
    }

    private Message answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RD);
        response.getHeader().setFlag(Flags.RA);
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        if (failing.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        for (int hops = 0; hops < 8; hops++) {
            List<Record> here = zone.getOrDefault(name, List.of());
            List<Record> matching =
                    here.stream().filter(r -> r.getType() == question.getType()).toList();
            if (!matching.isEmpty()) {
                matching.forEach(r -> response.addRecord(r, Section.ANSWER));
                return response;
            }
            Record alias = here.stream()
                    .filter(r -> r.getType() == Type.CNAME)
                    .findFirst()
                    .orElse(null);
            if (alias == null) {
                if (here.isEmpty()) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                return response;
            }
            response.addRecord(alias, Section.ANSWER);
            name = ((CNAMERecord) alias).getTarget();
        }
        return response;
    }

    private static Name name(String s) {
        try {
            return Name.fromString(s, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
