package org.postage.smtp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postage.smtp.testing.TestTls;

class TlsContextFactoryTest {

    private final Path generated = TestTls.keyDirectory();

    @Test
    void theGeneratedKeyAndItsPasswordAreReadableByTheOwnerOnly() throws Exception {
        Path keystore = generated.resolve(TlsContextFactory.GENERATED_KEYSTORE);
        Path password = generated.resolve(TlsContextFactory.GENERATED_PASSWORD);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        assertTrue(Files.readString(password).length() >= 30, "a long random password");
    }

    @Test
    void aLaterStartReusesTheGeneratedKeyInsteadOfMakingANewOne() throws Exception {
        Path keystore = generated.resolve(TlsContextFactory.GENERATED_KEYSTORE);
        String before = fingerprint(keystore);
        long modified = Files.getLastModifiedTime(keystore).toMillis();

        SSLContext again = TlsContextFactory.selfSigned(generated, "localhost");

        assertNotNull(again);
        assertEquals(before, fingerprint(keystore));
        assertEquals(modified, Files.getLastModifiedTime(keystore).toMillis());
    }

    @Test
    void anOperatorKeystoreIsLoadedWithItsPassword() throws Exception {
        SSLContext context =
                TlsContextFactory.fromKeystore(generated.resolve(TlsContextFactory.GENERATED_KEYSTORE), password());

        assertNotNull(context.getServerSocketFactory());
    }

    @Test
    void aGeneratedKeystoreWithoutItsPasswordFileIsExplained(@TempDir Path directory) throws Exception {
        Files.copy(
                generated.resolve(TlsContextFactory.GENERATED_KEYSTORE),
                directory.resolve(TlsContextFactory.GENERATED_KEYSTORE));

        IOException e = assertThrows(IOException.class, () -> TlsContextFactory.selfSigned(directory, "localhost"));

        assertTrue(e.getMessage().contains("delete the keystore"), e.getMessage());
    }

    private String fingerprint(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance(keystore.toFile(), password());
        return TlsContextFactory.fingerprint(
                store.getCertificate(store.aliases().nextElement()));
    }

    private char[] password() throws IOException {
        return Files.readString(generated.resolve(TlsContextFactory.GENERATED_PASSWORD), StandardCharsets.US_ASCII)
                .trim()
                .toCharArray();
    }
}
