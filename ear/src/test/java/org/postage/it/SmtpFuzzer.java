package org.postage.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A bounded SMTP protocol fuzzer. Client threads open connection after connection, plain, after STARTTLS, or after
 * STARTTLS and AUTH with a real credential, and send random and mutated commands, pipelines, transactions and DATA,
 * then QUIT, hang up or stall. Every reply line is checked: {@code ^\d{3}[ -]}, at most 512 octets, and, once the
 * session has seen the EHLO reply, an RFC 3463 enhanced status code of the reply's class on every 2xx, 4xx and 5xx
 * (RFC 2034 exempts the replies to EHLO and HELO, recognised by the server's host name).
 *
 * <p>Seeded: one seed makes every connection's sequence of sends (what the server answers may differ with timing,
 * rate-limit windows and the AUTH throttle). Each client thread has its own loopback source address, 127.0.3.N, so
 * the AUTH failure throttle slows the thread that failed, not the others. Used by {@link ProtocolFuzzIT} and, for
 * longer runs, by {@code bench/fuzz.sh}.
 */
final class SmtpFuzzer {

    /** Where to fuzz and as whom: a credential that may send as {@code sender}. */
    record Target(int port, String hostName, AdminClient.Credential credential, String sender) {}

    private static final Pattern REPLY_LINE = Pattern.compile("\\d{3}[ -].*", Pattern.DOTALL);
    private static final Pattern ENHANCED = Pattern.compile("(\\d)\\d\\d[ -]([245])\\.\\d{1,3}\\.\\d{1,3}( .*)?");
    /** RFC 5321 4.5.3.1.5: a reply line is at most 512 octets with its CRLF. */
    private static final int MAX_REPLY_LINE = 510;

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final String[] VERBS = {
        "EHLO",
        "HELO",
        "MAIL",
        "RCPT",
        "DATA",
        "RSET",
        "NOOP",
        "VRFY",
        "EXPN",
        "HELP",
        "AUTH",
        "BDAT",
        "STARTTLS",
        "QUIT"
    };
    /** Recipients come from a small pool, so that one transaction repeats some and the rate limits are reached. */
    private static final int RECIPIENT_POOL = 24;

    private final Target target;
    private final long seed;
    private final int clients;
    private final SSLContext tls;

    SmtpFuzzer(Target target, long seed, int clients) {
        this.target = target;
        this.seed = seed;
        this.clients = clients;
        this.tls = trustingTls();
    }

    /** Fuzzes for {@code duration} with every client thread; round numbers give each round its own sequences. */
    Stats run(Duration duration, int round) throws InterruptedException {
        Stats stats = new Stats();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            int client = i;
            threads.execute(() -> {
                Random random = new Random(seed ^ (round * 0x9E3779B97F4A7C15L) ^ (client * 0xC2B2AE3D27D4EB4FL));
                InetAddress source = sourceAddress(client);
                while (System.nanoTime() < deadline) {
                    new Connection(random.nextLong(), source, deadline, stats).run();
                }
            });
        }
        threads.shutdown();
        if (!threads.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
            threads.shutdownNow();
            throw new IllegalStateException("fuzzing clients did not finish within two minutes of the deadline");
        }
        return stats;
    }

    private static InetAddress sourceAddress(int client) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 3, (byte) (client + 1)});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one round sent and got back. */
    static final class Stats {

        final LongAdder connections = new LongAdder();
        final LongAdder authenticated = new LongAdder();
        final LongAdder tlsSessions = new LongAdder();
        final LongAdder commands = new LongAdder();
        final LongAdder messages = new LongAdder();
        final LongAdder dataBytes = new LongAdder();
        final LongAdder closedByServer = new LongAdder();
        final LongAdder silences = new LongAdder();
        final Map<Character, LongAdder> repliesByClass = new ConcurrentHashMap<>();
        final Map<String, LongAdder> repliesByCode = new ConcurrentHashMap<>();
        final AtomicInteger malformedCount = new AtomicInteger();
        final ConcurrentLinkedQueue<String> malformed = new ConcurrentLinkedQueue<>();

        void reply(String code) {
            repliesByClass.computeIfAbsent(code.charAt(0), c -> new LongAdder()).increment();
            repliesByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
        }

        void malformed(long connectionSeed, String why, String line) {
            if (malformedCount.incrementAndGet() <= 30) {
                malformed.add(why + " (connection seed " + connectionSeed + "): <" + printable(line) + ">");
            }
        }

        long replies() {
            return repliesByClass.values().stream().mapToLong(LongAdder::sum).sum();
        }

        Map<Character, Long> byClass() {
            Map<Character, Long> sorted = new TreeMap<>();
            repliesByClass.forEach((c, n) -> sorted.put(c, n.sum()));
            return sorted;
        }

        Map<String, Long> byCode() {
            Map<String, Long> sorted = new TreeMap<>();
            repliesByCode.forEach((c, n) -> sorted.put(c, n.sum()));
            return sorted;
        }

        void addTo(Stats total) {
            total.connections.add(connections.sum());
            total.authenticated.add(authenticated.sum());
            total.tlsSessions.add(tlsSessions.sum());
            total.commands.add(commands.sum());
            total.messages.add(messages.sum());
            total.dataBytes.add(dataBytes.sum());
            total.closedByServer.add(closedByServer.sum());
            total.silences.add(silences.sum());
            repliesByClass.forEach((c, n) -> total.repliesByClass
                    .computeIfAbsent(c, k -> new LongAdder())
                    .add(n.sum()));
            repliesByCode.forEach((c, n) ->
                    total.repliesByCode.computeIfAbsent(c, k -> new LongAdder()).add(n.sum()));
            total.malformedCount.addAndGet(malformedCount.get());
            malformed.forEach(m -> {
                if (total.malformed.size() < 30) {
                    total.malformed.add(m);
                }
            });
        }

        String summary() {
            return "connections=" + connections.sum() + " (tls " + tlsSessions.sum() + ", authenticated "
                    + authenticated.sum() + ") commands=" + commands.sum() + " messages=" + messages.sum()
                    + " dataBytes=" + dataBytes.sum() + " replies=" + replies() + " byClass=" + byClass()
                    + " closedByServer=" + closedByServer.sum() + " silences=" + silences.sum() + " malformed="
                    + malformedCount.get();
        }
    }

    /** The server closed the connection: this one is over. */
    private static final class Closed extends IOException {
        Closed() {
            super("closed by the server");
        }
    }

    /** One connection: its own random sequence, from its own seed. */
    private final class Connection {

        private final long connectionSeed;
        private final Random r;
        private final InetAddress source;
        private final long deadline;
        private final Stats stats;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean esmtp;
        private boolean secure;
        private boolean authenticated;

        Connection(long connectionSeed, InetAddress source, long deadline, Stats stats) {
            this.connectionSeed = connectionSeed;
            this.r = new Random(connectionSeed);
            this.source = source;
            this.deadline = deadline;
            this.stats = stats;
        }

        void run() {
            stats.connections.increment();
            try {
                socket = new Socket();
                socket.bind(new InetSocketAddress(source, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", target.port()), 10_000);
                socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
                streams();
                if (!reply().startsWith("220")) {
                    return;
                }
                int kind = r.nextInt(10);
                if (kind >= 2) {
                    command("EHLO " + heloName());
                    if (!command("STARTTLS").startsWith("220")) {
                        return;
                    }
                    command("EHLO " + heloName());
                }
                if (kind >= 4) {
                    authenticate();
                }
                int units = 1 + r.nextInt(30);
                for (int u = 0; u < units && System.nanoTime() < deadline; u++) {
                    unit();
                }
                if (r.nextInt(10) < 6) {
                    command("QUIT");
                }
            } catch (Closed e) {
                stats.closedByServer.increment();
            } catch (SocketTimeoutException e) {
                stats.silences.increment();
            } catch (IOException e) {
                stats.closedByServer.increment(); // a reset or a broken pipe: the server hung up
            } finally {
                closeQuietly();
            }
        }

        private void unit() throws IOException {
            int pick = r.nextInt(100);
            if (pick < 38) {
                transaction();
            } else if (pick < 62) {
                command(mutate(vocabularyCommand()));
            } else if (pick < 72) {
                pipeline();
            } else if (pick < 78) {
                command(junk(1 + r.nextInt(80), r.nextInt(4) == 0));
            } else if (pick < 81) {
                if (secure && !authenticated) {
                    authenticate();
                } else {
                    command("AUTH " + mutate("PLAIN " + plain("nobody", "wrong")));
                }
            } else if (pick < 83) {
                command("STARTTLS");
            } else if (pick < 85) {
                bareLineEnding();
            } else if (pick < 87) {
                overlongLine();
            } else if (pick < 88 && r.nextInt(4) == 0) {
                stall();
            } else {
                command(r.nextBoolean() ? "RSET" : r.nextBoolean() ? "NOOP" : "EHLO " + heloName());
            }
        }

        /** MAIL, a few RCPTs (some repeated, in another case), then DATA with a message, a RSET or a hang-up. */
        private void transaction() throws IOException {
            String sender = r.nextInt(10) < 8 ? target.sender() : address();
            command(maybeMutate("MAIL FROM:<" + sender + ">" + mailParameters(), 8));
            int recipients = r.nextInt(50) == 0 ? 100 + r.nextInt(5) : 1 + r.nextInt(5);
            for (int i = 0; i < recipients; i++) {
                command(maybeMutate("RCPT TO:<" + recipient() + ">", 10));
            }
            int end = r.nextInt(10);
            if (end == 0) {
                command("RSET");
                return;
            }
            command("DATA");
        }

        private String mailParameters() {
            return switch (r.nextInt(12)) {
                case 0 -> " SIZE=" + r.nextInt(100_000);
                case 1 -> " SIZE=" + (r.nextBoolean() ? "99999999999999999999" : "-1");
                case 2 -> " BODY=8BITMIME";
                case 3 -> " BODY=BINARYMIME";
                case 4 -> " SMTPUTF8";
                case 5 -> " AUTH=<>";
                case 6 -> " " + junk(1 + r.nextInt(20), false);
                default -> "";
            };
        }

        /** Safe commands in one write, each answered once. */
        private void pipeline() throws IOException {
            int n = 2 + r.nextInt(6);
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String line = switch (r.nextInt(7)) {
                    case 0 -> "MAIL FROM:<" + target.sender() + ">";
                    case 1 -> "RCPT TO:<" + recipient() + ">";
                    case 2 -> "RSET";
                    case 3 -> "NOOP " + junk(r.nextInt(10), false);
                    case 4 -> "VRFY " + address();
                    case 5 -> "EHLO " + heloName();
                    default -> junkVerb();
                };
                lines.append(line).append("\r\n");
            }
            write(latin1(lines.toString()));
            stats.commands.add(n);
            for (int i = 0; i < n; i++) {
                reply();
            }
        }

        /** AUTH PLAIN or LOGIN with the real credential, now and then with a wrong one. */
        private void authenticate() throws IOException {
            AdminClient.Credential c = target.credential();
            boolean right = r.nextInt(10) < 9;
            String user = right ? c.username() : c.username() + "x";
            String reply;
            if (r.nextBoolean()) {
                reply = send("AUTH PLAIN " + plain(user, c.password()));
            } else {
                reply = send("AUTH LOGIN");
                if (reply.startsWith("334")) {
                    reply = send(base64(user));
                }
                if (reply.startsWith("334")) {
                    reply = send(base64(c.password()));
                }
            }
            if (reply.startsWith("235")) {
                authenticated = true;
                stats.authenticated.increment();
            }
        }

        private void bareLineEnding() throws IOException {
            String line = vocabularyCommand();
            int at = r.nextInt(line.length() + 1);
            write(latin1(line.substring(0, at) + (r.nextBoolean() ? "\n" : "\r") + line.substring(at) + "\r\n"));
            stats.commands.increment();
            reply();
            expectClose();
        }

        private void overlongLine() throws IOException {
            write(latin1("NOOP " + "x".repeat(1000 + r.nextInt(4000)) + "\r\n"));
            stats.commands.increment();
            reply();
            expectClose();
        }

        /** Says nothing: the server's idle timeout must answer 421 and close. */
        private void stall() throws IOException {
            reply();
            expectClose();
        }

        private void expectClose() throws IOException {
            if (in.read() >= 0) {
                stats.malformed(connectionSeed, "the server went on after a reply it closes with", "");
            }
            throw new Closed();
        }

        /**
         * Sends one line and reads its reply, following up as a client must: the TLS handshake after a 220 to
         * STARTTLS (or, now and then, garbage instead), a SASL answer after a 334, a message after a 354.
         */
        private String command(String line) throws IOException {
            String reply = send(line);
            if (line.equals("STARTTLS") && reply.startsWith("220")) {
                handshake();
            } else if (reply.startsWith("334")) {
                write(latin1(saslAnswer() + "\r\n"));
                stats.commands.increment();
                reply = reply();
                if (reply.startsWith("334")) {
                    write(latin1("*\r\n"));
                    stats.commands.increment();
                    reply = reply();
                }
            } else if (reply.startsWith("354")) {
                reply = data();
            }
            return reply;
        }

        /** Sends one line and reads its reply, nothing more. */
        private String send(String line) throws IOException {
            write(latin1(line + "\r\n"));
            stats.commands.increment();
            return reply();
        }

        private void handshake() throws IOException {
            if (r.nextInt(20) == 0) {
                // Not TLS: the server's handshake fails, it may send an alert (not SMTP), and hangs up.
                write(latin1(junk(100, true)));
                while (in.read() >= 0) {
                    // the alert
                }
                throw new Closed();
            }
            SSLSocket ssl =
                    (SSLSocket) tls.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
            ssl.setUseClientMode(true);
            ssl.startHandshake();
            socket = ssl;
            streams();
            if (!secure) {
                secure = true;
                stats.tlsSessions.increment();
            }
        }

        private String saslAnswer() {
            return switch (r.nextInt(5)) {
                case 0 -> "*";
                case 1 -> junk(r.nextInt(40), false);
                case 2 -> base64(junk(r.nextInt(40), false));
                case 3 -> "=";
                default -> plain("nobody", "wrong");
            };
        }

        /** After a 354: a message (or half of one and a hang-up, or silence) and the reply to its end. */
        private String data() throws IOException {
            byte[] message = message();
            if (r.nextInt(40) == 0) {
                write(Arrays.copyOf(message, message.length / 2));
                throw new Closed();
            }
            if (r.nextInt(200) == 0) {
                stall(); // mid-message: the server's idle timeout answers
            }
            write(message);
            stats.messages.increment();
            stats.dataBytes.add(message.length);
            return reply();
        }

        /** Reads one whole reply, checks each line, and answers it (lines joined by LF). */
        private String reply() throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            do {
                line = readLine();
                lines.add(line);
                check(line, lines.size() == 1 ? line : lines.get(0));
            } while (line.length() > 3 && line.charAt(3) == '-');
            String first = lines.get(0);
            if (isGreetingReply(first)) {
                esmtp = true;
            }
            stats.reply(first.length() >= 9 && ENHANCED.matcher(first).matches() ? first.substring(0, 9) : code(first));
            return String.join("\n", lines);
        }

        private void check(String line, String firstLine) {
            if (!REPLY_LINE.matcher(line).matches()) {
                stats.malformed(connectionSeed, "not a reply line", line);
                return;
            }
            if (line.length() > MAX_REPLY_LINE) {
                stats.malformed(connectionSeed, "longer than 512 octets", line);
            }
            char kind = line.charAt(0);
            if (!esmtp || (kind != '2' && kind != '4' && kind != '5') || isGreetingReply(firstLine)) {
                return;
            }
            Matcher m = ENHANCED.matcher(line);
            if (!m.matches()) {
                stats.malformed(connectionSeed, "no enhanced status code", line);
            } else if (!m.group(1).equals(m.group(2))) {
                stats.malformed(connectionSeed, "enhanced status code of another class", line);
            }
        }

        /** The reply to EHLO or HELO: RFC 2034 gives it no enhanced status code. */
        private boolean isGreetingReply(String firstLine) {
            return firstLine.length() > 4
                    && firstLine.startsWith("250")
                    && (firstLine.substring(4).equals(target.hostName())
                            || firstLine.substring(4).startsWith(target.hostName() + " "));
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    if (line.size() > 0) {
                        stats.malformed(
                                connectionSeed,
                                "a reply line cut off by the close",
                                line.toString(StandardCharsets.ISO_8859_1));
                    }
                    throw new Closed();
                }
                if (previous == '\r' && b == '\n') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                }
                if (previous == '\r' || b == '\n') {
                    stats.malformed(
                            connectionSeed, "a bare CR or LF in a reply", line.toString(StandardCharsets.ISO_8859_1));
                }
                line.write(b);
                previous = b;
                if (line.size() > 4096) {
                    stats.malformed(
                            connectionSeed, "a reply line without end", line.toString(StandardCharsets.ISO_8859_1));
                    throw new Closed();
                }
            }
        }

        private void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        private void streams() throws IOException {
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        private void closeQuietly() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // already gone
            }
        }

        // What is sent

        private String vocabularyCommand() {
            return switch (r.nextInt(16)) {
                case 0 -> "EHLO " + heloName();
                case 1 -> "HELO " + heloName();
                case 2 -> "MAIL FROM:<" + (r.nextBoolean() ? target.sender() : address()) + ">" + mailParameters();
                case 3 -> "RCPT TO:<" + recipient() + ">";
                case 4 -> "DATA";
                case 5 -> "RSET";
                case 6 -> "NOOP";
                case 7 -> "VRFY " + address();
                case 8 -> "EXPN staff";
                case 9 -> "HELP";
                case 10 -> "BDAT " + r.nextInt(100) + " LAST";
                case 11 -> "MAIL FROM:" + address();
                case 12 -> "RCPT TO:<@relay.example:" + address() + ">";
                case 13 -> "AUTH " + (r.nextBoolean() ? "CRAM-MD5" : "PLAIN");
                case 14 -> "";
                default -> junkVerb() + " " + junk(r.nextInt(30), false);
            };
        }

        private String maybeMutate(String command, int outOf) {
            return r.nextInt(outOf) == 0 ? mutate(command) : command;
        }

        /** Changes a command the way a broken client or a scanner would; never adds a CR or LF. */
        private String mutate(String command) {
            if (r.nextInt(3) == 0) {
                return command;
            }
            StringBuilder s = new StringBuilder(command);
            int edits = 1 + r.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
                switch (r.nextInt(9)) {
                    case 0 -> flipCase(s);
                    case 1 -> {
                        if (s.length() > 0) {
                            int to = Math.min(s.length(), at + 1 + r.nextInt(10));
                            s.delete(Math.min(at, s.length() - 1), to);
                        }
                    }
                    case 2 -> s.insert(at, junk(1 + r.nextInt(10), false));
                    case 3 -> s.insert(at, (char) (0x80 + r.nextInt(0x80))); // 8-bit, often invalid UTF-8
                    case 4 -> s.insert(at, utf8("é☃\uD83D\uDCE7"));
                    case 5 -> s.insert(at, controlCharacter());
                    case 6 -> s.append(" ".repeat(1 + r.nextInt(5)));
                    case 7 -> {
                        String from = command.isEmpty() ? "x" : command.substring(0, Math.min(command.length(), 20));
                        s.insert(at, from);
                    }
                    default -> replaceOne(s, "<>:@ ", "()[];,\"\\");
                }
            }
            String mutated = s.toString().replace("\r", "").replace("\n", "");
            return mutated.length() > 900 ? mutated.substring(0, 900) : mutated;
        }

        private char controlCharacter() {
            char c = (char) r.nextInt(32);
            return c == '\r' || c == '\n' ? '\t' : c;
        }

        private void flipCase(StringBuilder s) {
            for (int i = 0; i < s.length(); i++) {
                if (r.nextInt(3) == 0) {
                    char c = s.charAt(i);
                    s.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                }
            }
        }

        private void replaceOne(StringBuilder s, String these, String with) {
            for (int i = 0; i < s.length(); i++) {
                if (these.indexOf(s.charAt(i)) >= 0 && r.nextInt(3) == 0) {
                    s.setCharAt(i, with.charAt(r.nextInt(with.length())));
                    return;
                }
            }
        }

        /** Printable ASCII, or any byte but CR and LF. */
        private String junk(int length, boolean anyByte) {
            StringBuilder s = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                char c;
                do {
                    c = anyByte ? (char) r.nextInt(256) : (char) (0x20 + r.nextInt(0x5f));
                } while (c == '\r' || c == '\n');
                s.append(c);
            }
            return s.toString();
        }

        private String junkVerb() {
            if (r.nextBoolean()) {
                String verb = VERBS[r.nextInt(VERBS.length)];
                return verb + (char) ('A' + r.nextInt(26));
            }
            return junk(1 + r.nextInt(6), false).replace(" ", "X");
        }

        private String heloName() {
            return switch (r.nextInt(5)) {
                case 0 -> "[127.0.0.1]";
                case 1 -> junk(1 + r.nextInt(30), false).replace(" ", "");
                default -> "client" + r.nextInt(100) + ".fuzz.example";
            };
        }

        private String address() {
            return switch (r.nextInt(6)) {
                case 0 -> "\"quoted local\"@example.net";
                case 1 -> junk(1 + r.nextInt(20), false).replace(" ", "") + "@example.net";
                case 2 -> "a@" + "b".repeat(1 + r.nextInt(300)) + ".example";
                default -> "someone" + r.nextInt(1000) + "@example.net";
            };
        }

        /** From the pool, in any case, so that repeats within a transaction happen and compare as one. */
        private String recipient() {
            if (r.nextInt(8) == 0) {
                return address();
            }
            String base = "reader" + r.nextInt(RECIPIENT_POOL) + "@fuzz-readers.example.net";
            StringBuilder s = new StringBuilder(base);
            if (r.nextInt(3) == 0) {
                flipCase(s);
            }
            return s.toString();
        }

        /** A message, well-formed or broken, with the end sequence; never an early CRLF.CRLF. */
        private byte[] message() {
            StringBuilder m = new StringBuilder();
            m.append("From: ")
                    .append(r.nextInt(10) < 8 ? "Shop <" + target.sender() + ">" : junk(20, false))
                    .append("\r\n");
            m.append("To: <").append(recipient()).append(">\r\n");
            m.append("Subject: fuzz ").append(junk(r.nextInt(40), false)).append("\r\n");
            m.append("Message-ID: <").append(Long.toHexString(r.nextLong())).append("@fuzz.example>\r\n");
            m.append("MIME-Version: 1.0\r\n");
            switch (r.nextInt(6)) {
                case 0 ->
                    m.append("X-Flexmail-Tag: ")
                            .append(junk(r.nextInt(30), false))
                            .append("\r\n");
                case 1 ->
                    m.append("X-Flexmail-Metadata-")
                            .append(junk(1 + r.nextInt(10), false)
                                    .replace(" ", "")
                                    .replace(":", ""))
                            .append(": ")
                            .append(junk(r.nextInt(60), false))
                            .append("\r\n");
                case 2 ->
                    m.append("X-Flexmail-Open-Tracking: ")
                            .append(r.nextBoolean() ? "true" : "maybe")
                            .append("\r\n");
                default -> {}
            }
            m.append(
                            switch (r.nextInt(8)) {
                                case 0 -> "Content-Type: text/plain";
                                case 1 -> "Content-Type: multipart/alternative; boundary=\"b\"";
                                default -> "Content-Type: text/html; charset=UTF-8";
                            })
                    .append("\r\n\r\n");
            int size = r.nextInt(100) < 90 ? r.nextInt(4096) : r.nextInt(100) < 95 ? r.nextInt(100_000) : 400_000;
            while (m.length() < size) {
                m.append("<p>").append(junk(r.nextInt(70), false)).append("</p>\r\n");
            }
            String body = m.toString();
            if (r.nextInt(3) == 0) {
                body = mutateContent(body);
            }
            // Dot-stuffing: a line that starts with '.' gets another, so only the end sequence ends the message.
            if (body.startsWith(".")) {
                body = "." + body;
            }
            body = body.replace("\r\n.", "\r\n..");
            return latin1(body + (body.endsWith("\r\n") ? "" : "\r\n") + ".\r\n");
        }

        private String mutateContent(String body) {
            StringBuilder s = new StringBuilder(body);
            int edits = 1 + r.nextInt(10);
            for (int e = 0; e < edits; e++) {
                int at = r.nextInt(s.length() + 1);
                switch (r.nextInt(8)) {
                    case 0 -> s.insert(at, junk(1 + r.nextInt(50), true));
                    case 1 -> s.insert(at, r.nextBoolean() ? "\n" : "\r");
                    case 2 -> s.insert(at, '\0');
                    case 3 -> s.insert(at, "x".repeat(999 + r.nextInt(2000)));
                    case 4 -> s.insert(at, new String[] {"\n.\n", "\r.\r", "\n.\r\n", "\r\n.\r"}[r.nextInt(4)]);
                    case 5 -> s.insert(at, "\r\nX-Flexmail-Link-Tracking: " + junk(10, false) + "\r\n");
                    case 6 -> s.insert(at, utf8("Grüße ☃ \uD83D\uDCE7"));
                    default -> s.delete(at, Math.min(s.length(), at + r.nextInt(200)));
                }
            }
            return s.toString();
        }
    }

    private static String code(String line) {
        return line.length() >= 3 ? line.substring(0, 3) : line;
    }

    private static String plain(String user, String password) {
        return base64("\0" + user + "\0" + password);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Text as its UTF-8 bytes, one char per byte, so that it goes on the wire through {@link #latin1} unchanged. */
    private static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder p = new StringBuilder();
        for (char c : s.toCharArray()) {
            p.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return p.length() > 300 ? p.substring(0, 300) + "..." : p.toString();
    }

    private static SSLContext trustingTls() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    null,
                    new TrustManager[] {
                        new X509TrustManager() {
                            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                            public X509Certificate[] getAcceptedIssuers() {
                                return new X509Certificate[0];
                            }
                        }
                    },
                    null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
