package org.postage.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** An operator who starts Postage on a port another process holds gets one log line that says what to change. */
class PortTakenIT {

    @Test
    void aTakenSmtpPortFailsTheDeploymentWithOneClearLine() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();
            PostageServer server =
                    new PostageServer("port-taken", FreePorts.next()).with("POSTAGE_SMTP_PORT", Integer.toString(port));
            try {
                assertThrows(IllegalStateException.class, server::start);
                String log = Files.readString(server.log(), StandardCharsets.ISO_8859_1);
                String expected = "Cannot listen for SMTP on 127.0.0.1:" + port;
                assertTrue(log.contains(expected), "log names the port: " + server.tail());
                assertTrue(log.contains("POSTAGE_SMTP_PORT"), "log names the setting to change");
            } finally {
                server.stop();
            }
        }
    }
}
