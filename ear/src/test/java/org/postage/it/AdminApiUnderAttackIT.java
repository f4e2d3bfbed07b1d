package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API against a password guesser and a forged browser request. The server generates its admin password
 * (no POSTAGE_ADMIN_PASSWORD), so each wrong guess costs the full PBKDF2 hash, as in production. The guesser
 * connects from 127.0.0.2, the operator from 127.0.0.1: failures are throttled per client address.
 */
class AdminApiUnderAttackIT {

    private static final Pattern GENERATED = Pattern.compile("generated password for user 'admin' \\(shown once;"
            + " set POSTAGE_ADMIN_PASSWORD to choose one\\): (\\S+)");
    /** How long one of the operator's requests may take while the guesser is at work. */
    private static final Duration BOUND = Duration.ofSeconds(3);

    private static PostageServer server;
    private static AdminClient admin;
    private static long account;

    @BeforeAll
    static void start() throws IOException {
        server = new PostageServer("attack", FreePorts.next())
                .with("POSTAGE_ADMIN_PASSWORD", "")
                .start();
        Matcher m = GENERATED.matcher(Files.readString(server.log(), StandardCharsets.ISO_8859_1));
        assertTrue(m.find(), "the generated password is logged once");
        admin = new AdminClient("http://127.0.0.1:" + server.httpPort(), "admin", m.group(1));
        account = admin.createAccount("Attacked"); // the operator has logged in once: later checks are cheap
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server);
    }

    @Test
    void parallelWrongLoginsGet401Then429AndTheOperatorKeepsBeingAnsweredWithinTheBound() throws Exception {
        int guessers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(guessers);
        ConcurrentLinkedQueue<Raw> wrong = new ConcurrentLinkedQueue<>();
        AtomicBoolean attacking = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < guessers; i++) {
            int guesser = i;
            pool.submit(() -> {
                go.await();
                // Guessing for as long as the operator works, each guesser a few times a second.
                for (int round = 0; attacking.get(); round++) {
                    wrong.add(fromGuesser("GET", "/api/admin/accounts/" + account, "guess-" + guesser + "-" + round));
                    PostageServer.sleep(50);
                }
                return null;
            });
        }
        go.countDown();
        List<String> slow = new ArrayList<>();
        int answered = 0;
        long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        try {
            while (System.nanoTime() < until) {
                long start = System.nanoTime();
                AdminClient.Answer a = admin.get("/api/admin/accounts/" + account);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(200, a.status(), a.body());
                if (took.compareTo(BOUND) > 0) {
                    slow.add(took.toString());
                }
                answered++;
                PostageServer.sleep(100);
            }
        } finally {
            attacking.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), slow, "operator requests slower than " + BOUND + " (of " + answered + ")");

        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (Raw r : wrong) {
            statuses.merge(r.status(), 1, Integer::sum);
            assertTrue(r.status() == 401 || r.status() == 429, r.toString());
            assertTrue(r.headers().get("content-type").startsWith("application/problem+json"), r.toString());
            if (r.status() == 429) {
                assertTrue(Integer.parseInt(r.headers().get("retry-after")) >= 1, r.toString());
                assertTrue(r.body().contains("Too many failed logins from this address"), r.toString());
            } else {
                assertTrue(r.body().contains("Wrong user or password"), r.toString());
            }
        }
        assertTrue(statuses.getOrDefault(401, 0) >= 1 && statuses.getOrDefault(429, 0) >= 1, statuses.toString());

        // A throttled address learns nothing, not even from the right password.
        for (int i = 0; i < 20 && fromGuesser("GET", "/api/admin/x", "one more").status() != 429; i++) {
            // until the budget is spent again, should a unit have come back meanwhile
        }
        Raw right = fromGuesser("GET", "/api/admin/accounts/" + account, null);
        assertEquals(429, right.status(), right.toString());
    }

    @Test
    void aRequestFromAnotherOriginIsRefusedWith403() {
        AdminClient.Answer foreign = admin.sendWithOrigin(
                "POST", "/api/admin/accounts", "{\"name\":\"Forged\"}", "https://attacker.example");
        assertEquals(403, foreign.status(), foreign.body());
        assertTrue(foreign.contentType().startsWith("application/problem+json"), foreign.contentType());
        assertEquals(
                201,
                admin.sendWithOrigin(
                                "POST",
                                "/api/admin/accounts",
                                "{\"name\":\"Same origin\"}",
                                "http://127.0.0.1:" + server.httpPort())
                        .status());
    }

    record Raw(int status, Map<String, String> headers, String body) {}

    /** One HTTP/1.1 request over a socket bound to 127.0.0.2; password null: the right one. */
    private static Raw fromGuesser(String method, String path, String password) {
        String credentials = "admin:" + (password == null ? admin.password() : password);
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress("127.0.0.2", 0));
            s.connect(new InetSocketAddress("127.0.0.1", server.httpPort()), 5000);
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.httpPort()
                            + "\r\nAuthorization: Basic "
                            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
