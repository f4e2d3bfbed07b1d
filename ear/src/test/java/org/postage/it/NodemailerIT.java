package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nodemailer, the client most Node applications send with, as a new user would set it up: STARTTLS, AUTH, metadata
 * headers as the Flexmail documentation writes them. It rewrites every header name in its own case
 * ({@code X-Flexmail-Metadata-Order_id}); the message must still be accepted with the keys in lower case. The
 * script and its lock file are in {@code src/test/resources/nodemailer}; the build runs {@code npm ci} there.
 */
class NodemailerIT {

    /** Where the build installed nodemailer beside the script (the test-classes copy of the resources). */
    private static final Path SCRIPT_DIR =
            Path.of(System.getProperty("postage.test.nodemailer", "target/test-classes/nodemailer"));

    private static final String NODE = System.getProperty("postage.test.node", "node");

    private static SinkServer sink;
    private static PostageServer server;
    private static AdminClient admin;
    private static AdminClient.Credential credential;

    @BeforeAll
    static void start() {
        sink = new SinkServer(FreePorts.next()).start();
        server = new PostageServer("nodemailer", sink.port()).start();
        admin = server.admin();
        credential = admin.issueCredential(admin.accountSendingAs("Node shop", "orders@node.example"));
    }

    @AfterAll
    static void stop() {
        PostageServer.stopAll(server, sink);
    }

    @Test
    void metadataHeadersWrittenInNodemailersCaseAreStoredInLowerCaseAndTheMessageIsDelivered() throws Exception {
        String marker = UUID.randomUUID().toString();
        JsonObject options = Json.createObjectBuilder()
                .add("port", server.smtpPort())
                .add("user", credential.username())
                .add("pass", credential.password())
                .add("from", "Node shop <orders@node.example>")
                .add("to", "buyer@example.net")
                .add("subject", "Order " + marker)
                .add("html", "<p>Thank you for order " + marker + "</p>")
                .add(
                        "headers",
                        Json.createObjectBuilder()
                                .add("X-Flexmail-Tag", "order_confirmation")
                                .add("X-Flexmail-Metadata-order_id", "12345")
                                .add("X-Flexmail-Metadata-customer_id", "C-789"))
                .build();
        JsonObject result = nodemailer(options);
        String reply = result.getString("response");
        assertTrue(reply.startsWith("250 2.0.0"), reply);
        String queueId = Smtp.queueId(reply);

        JsonObject state = Eventually.await(
                        "a final state",
                        Duration.ofSeconds(30),
                        () -> admin.message(queueId),
                        a -> a.status() == 200
                                && Set.of("sent", "rejected", "failed")
                                        .contains(a.json().getString("state")))
                .json();
        assertEquals("sent", state.getString("state"), "delivered, not rejected: " + state);
        JsonObject metadata = state.getJsonObject("metadata");
        assertEquals("12345", metadata.getString("order_id"), metadata.toString());
        assertEquals("C-789", metadata.getString("customer_id"), metadata.toString());
        assertEquals("order_confirmation", state.getString("tag"));
        assertEquals(
                1,
                Eventually.await(
                                "the copy at the sink",
                                Duration.ofSeconds(30),
                                () -> sink.containing(marker),
                                l -> !l.isEmpty())
                        .size());
    }

    /** Runs the script with these options and answers what it printed; fails the test when it could not send. */
    private static JsonObject nodemailer(JsonObject options) throws IOException, InterruptedException {
        if (!Files.isDirectory(SCRIPT_DIR.resolve("node_modules/nodemailer"))) {
            fail("nodemailer is not installed in " + SCRIPT_DIR + ": the build runs npm ci there (ear/pom.xml)");
        }
        Process process = new ProcessBuilder(NODE, "send.mjs", options.toString())
                .directory(SCRIPT_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("nodemailer did not finish within 90 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail("nodemailer failed (exit " + process.exitValue() + "): " + err + out);
        }
        try (JsonReader r = Json.createReader(new StringReader(out.trim()))) {
            return r.readObject();
        }
    }
}
