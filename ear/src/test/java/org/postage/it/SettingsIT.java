package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An operator who mistypes a setting learns at deployment, from one log line, which one and what it may be. */
class SettingsIT {

    @Test
    void aBogusStartTlsSettingFailsTheDeploymentWithOneClearLine() throws Exception {
        PostageServer server =
                new PostageServer("settings-bogus", FreePorts.next()).with("POSTAGE_RELAY_STARTTLS", "bogus");
        try {
            assertThrows(IllegalStateException.class, server::start);
            List<String> log = Files.readAllLines(server.log(), StandardCharsets.ISO_8859_1);
            String firstError = log.stream()
                    .filter(l -> l.contains(" ERROR ") && l.contains("[org.postage."))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no ERROR from Postage: " + server.tail()));
            assertTrue(
                    firstError.endsWith("Postage cannot be deployed. Invalid setting: POSTAGE_RELAY_STARTTLS "
                            + "(postage.relay.starttls) is 'bogus' but must be off, opportunistic or required"),
                    firstError);
            // At boot WildFly still lists the EAR as deployed (WFLYSRV0010), with its failed services; nothing runs.
            assertTrue(
                    log.stream()
                            .anyMatch(l -> l.contains("WFLYCTL0013: Operation (\"deploy\") failed")
                                    && l.contains("postage.ear")),
                    "WildFly failed the deployment: " + server.tail());
            assertFalse(server.smtpAnswers(), "no SMTP listener");
            assertEquals(
                    1,
                    log.stream()
                            .filter(l -> l.contains("Postage cannot be deployed"))
                            .count(),
                    "said once");
        } finally {
            server.stop();
        }
    }
}
