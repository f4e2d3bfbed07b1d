package org.postage.smtp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.postage.smtp.server.ServerTls;
import org.postage.smtp.server.TlsContextFactory;
import org.postage.smtp.server.TlsPolicy;

/** One generated server key for the whole test run (keytool takes a second), and a client that trusts it. */
public final class TestTls {

    private static Path directory;
    private static SSLContext server;

    private TestTls() {}

    public static synchronized SSLContext serverContext() {
        if (server == null) {
            try {
                directory = Files.createTempDirectory("postage-test-tls");
                server = TlsContextFactory.selfSigned(directory, "localhost");
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the test TLS key", e);
            }
        }
        return server;
    }

    /** The test key with Postage's default TLS policy. */
    public static ServerTls server() {
        try {
            return new ServerTls(
                    serverContext(),
                    TlsPolicy.intermediate(SSLContext.getDefault().getSupportedSSLParameters()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory holding the generated smtp-tls.p12 and its password file. */
    public static synchronized Path keyDirectory() {
        serverContext();
        return directory;
    }

    public static SSLSocketFactory trustingClient() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    null,
                    new TrustManager[] {
                        new X509TrustManager() {
                            @Override
                            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                            @Override
                            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                            @Override
                            public X509Certificate[] getAcceptedIssuers() {
                                return new X509Certificate[0];
                            }
                        }
                    },
                    null);
            return context.getSocketFactory();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
