package org.postage.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real WildFly with the real EAR, started as its own process from a copy of the server the build prepared.
 * Each instance has its own ports, data directory and log; {@link #kill()} is kill -9 of exactly its own java
 * process, and {@link #start()} again restarts on the same data.
 */
final class PostageServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "it-admin-password";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);
    /** The heap a 25 MiB message times a few concurrent sessions needs; WildFly's default is 512 MiB. */
    static final String JAVA_SIZING = "-Xms256m -Xmx1g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m";

    private final Path base;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> systemProperties = new HashMap<>();
    private final int portOffset;
    private final int smtpPort;
    private final int smtpsPort;
    private Process process;
    private long javaPid = -1;

    PostageServer(String name, int relayPort) {
        Path work = Path.of(System.getProperty("postage.test.work", "target/it-servers"));
        this.base = work.resolve(name + "-" + System.nanoTime());
        this.portOffset = freeOffset();
        this.smtpPort = FreePorts.next();
        this.smtpsPort = FreePorts.next();
        env.put("POSTAGE_SMTP_PORT", Integer.toString(smtpPort));
        env.put("POSTAGE_SMTPS_PORT", Integer.toString(smtpsPort));
        env.put("POSTAGE_RELAY_HOST", "127.0.0.1");
        env.put("POSTAGE_RELAY_PORT", Integer.toString(relayPort));
        env.put("POSTAGE_RELAY_STARTTLS", "off");
        env.put("POSTAGE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("POSTAGE_RETRY_FIRST_DELAY_SECONDS", "1");
        env.put("POSTAGE_RETRY_MAX_DELAY_SECONDS", "2");
        env.put("POSTAGE_SMTP_MAX_MESSAGE_SIZE", Integer.toString(12 * 1024 * 1024));
        env.put("POSTAGE_HOSTNAME", "postage.test");
        env.put("POSTAGE_PUBLIC_URL", "http://127.0.0.1:" + httpPort()); // links in verification mail
    }

    PostageServer with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    /** A -D option of the server's JVM, where an operator would set a MicroProfile Config property. */
    PostageServer withSystemProperty(String name, String value) {
        systemProperties.put(name, value);
        return this;
    }

    int smtpPort() {
        return smtpPort;
    }

    /** The implicit-TLS submission port (RFC 8314), 465 in production. */
    int smtpsPort() {
        return smtpsPort;
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    /** The server's java process, for jcmd. */
    long pid() {
        return javaPid;
    }

    /**
     * Runs WildFly CLI commands against this server's management port (local authentication: the same user on the
     * same machine) and answers their output; a command whose outcome is "failed" fails the call.
     */
    String cli(String... commands) {
        Path wildfly = Path.of(System.getProperty("postage.wildfly.home"));
        List<String> command = List.of(
                wildfly.resolve("bin/jboss-cli.sh").toString(),
                "--connect",
                "--controller=remote+http://127.0.0.1:" + (9990 + portOffset),
                "--commands=" + String.join(",", commands));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cli.waitFor(60, TimeUnit.SECONDS) || cli.exitValue() != 0 || output.contains("\"failed\"")) {
                throw new IllegalStateException("jboss-cli " + String.join(",", commands) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path log() {
        return base.resolve("standalone/log/server.log");
    }

    /** The server's data directory (jboss.server.data.dir): database, Artemis journal, TLS key. */
    Path dataDirectory() {
        return base.resolve("standalone/data");
    }

    /**
     * Before the first start: the data directory becomes a link to {@code directory}, such as a small file system
     * of the test's own. A link rather than a mount point inside target/, so that mvn clean never meets a mount.
     */
    PostageServer withDataDirectoryIn(Path directory) {
        try {
            Files.createDirectories(dataDirectory().getParent());
            Files.createSymbolicLink(dataDirectory(), directory);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AdminClient admin() {
        return new AdminClient("http://127.0.0.1:" + httpPort(), "admin", ADMIN_PASSWORD);
    }

    /** Starts the server (copying it and deploying the EAR the first time) and waits until SMTP answers. */
    PostageServer start() {
        try {
            if (!Files.exists(base.resolve("standalone/configuration"))) {
                Path wildfly = Path.of(System.getProperty("postage.wildfly.home"));
                copyTree(wildfly.resolve("standalone"), base.resolve("standalone"));
                Files.copy(
                        Path.of(System.getProperty("postage.ear")),
                        base.resolve("standalone/deployments/postage.ear"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Path wildfly = Path.of(System.getProperty("postage.wildfly.home"));
            Path pidFile = base.resolve("server.pid");
            Files.deleteIfExists(pidFile);
            List<String> command = new ArrayList<>(List.of(
                    wildfly.resolve("bin/standalone.sh").toString(),
                    "-c",
                    "standalone-full.xml",
                    "-Djboss.server.base.dir=" + base.resolve("standalone"),
                    "-Djboss.socket.binding.port-offset=" + portOffset,
                    "-Djboss.bind.address=127.0.0.1",
                    "-Djboss.bind.address.management=127.0.0.1"));
            systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(env);
            pb.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
            pb.environment().put("JBOSS_JAVA_SIZING", JAVA_SIZING);
            pb.environment().put("JBOSS_PIDFILE", pidFile.toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(
                    ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
            process = pb.start();
            try {
                javaPid = waitForPid(pidFile);
                waitUntilReady();
            } catch (RuntimeException e) {
                // A server that failed to come up must not outlive the test that started it.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw e;
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9 of this server's java process, and only that one. */
    void kill() {
        ProcessHandle.of(javaPid).ifPresent(ProcessHandle::destroyForcibly);
        awaitExit();
    }

    /** For {@code @AfterAll}: stops the server and closes what the test class started beside it, whichever started. */
    static void stopAll(PostageServer server, AutoCloseable... others) {
        if (server != null) {
            server.stop();
        }
        for (AutoCloseable other : others) {
            if (other != null) {
                try {
                    other.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle.of(javaPid).ifPresent(ProcessHandle::destroy); // SIGTERM: a graceful shutdown
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitExit();
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitExit() {
        try {
            ProcessHandle.of(javaPid).ifPresent(h -> h.onExit().join());
            if (process != null) {
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private long waitForPid(Path pidFile) throws IOException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(pidFile)) {
                String text = Files.readString(pidFile).trim();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            sleep(50);
        }
        throw new IllegalStateException("WildFly wrote no pid file; see " + base.resolve("console.log"));
    }

    private void waitUntilReady() throws IOException {
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited during boot; see " + log() + "\n" + tail());
            }
            String log = Files.exists(log()) ? Files.readString(log(), StandardCharsets.ISO_8859_1) : "";
            if (log.contains("WFLYSRV0026") || log.contains("WFLYCTL0186")) {
                throw new IllegalStateException("WildFly started with errors:\n" + tail());
            }
            if (log.lastIndexOf("WFLYSRV0025") > log.lastIndexOf("WFLYSRV0049") && smtpAnswers()) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("WildFly not ready within " + BOOT_TIMEOUT + ":\n" + tail());
    }

    boolean smtpAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", smtpPort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freeOffset() {
        int[] defaults = {8080, 8443, 9990, 9993, 8009, 4712, 4713, 3528, 3529, 8090, 5445, 5455, 5446, 5456, 61616};
        Random random = new Random();
        for (int tries = 0; tries < 100; tries++) {
            int offset = 1000 + random.nextInt(20000);
            boolean free = true;
            for (int port : defaults) {
                if (port + offset > 65535 || !FreePorts.isFree(port + offset)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset for WildFly");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String relative = from.relativize(p).toString();
                if (relative.startsWith("log") || relative.startsWith("data") || relative.startsWith("tmp")) {
                    continue; // left behind by the offline configuration run; each server starts clean
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
