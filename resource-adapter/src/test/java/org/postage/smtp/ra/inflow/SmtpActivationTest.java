package org.postage.smtp.ra.inflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.postage.smtp.testing.RecordingListener;
import org.postage.smtp.testing.TestTls;

class SmtpActivationTest {

    private final FakeContainer container = new FakeContainer(new RecordingListener());

    @Test
    void implicitTlsPortZeroMeansNoSecondListener() throws Exception {
        SmtpActivation activation = activation(0);
        try {
            activation.start();
            assertTrue(activation.port() > 0);
            assertEquals(-1, activation.implicitTlsPort());
        } finally {
            activation.stop();
        }
    }

    @Test
    void aSetImplicitTlsPortIsListenedOnUntilStop() throws Exception {
        int port = freePort();
        SmtpActivation activation = activation(port);
        activation.start();
        assertEquals(port, activation.implicitTlsPort());

        activation.stop();
        assertEquals(-1, activation.implicitTlsPort());
        assertEquals(-1, activation.port());
    }

    private SmtpActivation activation(int implicitTlsPort) {
        SmtpActivationSpec spec = new SmtpActivationSpec();
        spec.setPort(0);
        spec.setImplicitTlsPort(implicitTlsPort);
        spec.setDataDirectory(TestTls.keyDirectory().toString());
        return new SmtpActivation(spec, container.endpointFactory(), container.bootstrapContext());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }
}
