package org.postage.infrastructure.dkim;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Checks a signed message with Debian's python3-dkim through {@code src/test/resources/dkim/verify_dkim.py}: a
 * verifier written by other people, so a mistake shared by signer and test cannot pass unnoticed. The key record is
 * handed to it directly; no DNS is involved.
 */
public final class PythonDkimVerifier {

    /** Debian's interpreter, which is where apt installs python3-dkim; a pyenv or venv python3 would not see it. */
    static final String PYTHON = System.getProperty("postage.test.python", "/usr/bin/python3");

    public record Verdict(boolean verified, String output) {}

    private PythonDkimVerifier() {}

    public static Verdict verify(byte[] message, String selector, String domain, String keyRecord) {
        Path file = null;
        Path script = null;
        try {
            file = Files.createTempFile("postage-dkim-", ".eml");
            Files.write(file, message);
            // Copied out of the classpath: from the ear ITs it sits inside the ejb test-jar.
            script = Files.createTempFile("verify_dkim-", ".py");
            try (var in = PythonDkimVerifier.class.getResourceAsStream("/dkim/verify_dkim.py")) {
                Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Process process = new ProcessBuilder(
                            PYTHON, script.toString(), file.toString(), selector, domain, keyRecord)
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("verify_dkim.py did not finish within 60 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() == 2) {
                fail("The independent DKIM verifier cannot run: " + output);
            }
            return new Verdict(process.exitValue() == 0, output);
        } catch (IOException e) {
            return fail(
                    "Cannot run " + PYTHON + " with python3-dkim (apt-get install -y python3-dkim; another "
                            + "interpreter: -Dpostage.test.python=...): " + e.getMessage(),
                    e);
        } catch (Exception e) {
            return fail("verify_dkim.py: " + e, e);
        } finally {
            for (Path temp : new Path[] {file, script}) {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException ignored) {
                        // A leftover temp file is harmless.
                    }
                }
            }
        }
    }
}
