package org.postage.smtp.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS server context for STARTTLS: from the operator's keystore, or from a self-signed key that is generated
 * once into the data directory and reused on every later start, so clients that pinned it keep working.
 */
public final class TlsContextFactory {

    public static final String GENERATED_KEYSTORE = "smtp-tls.p12";
    public static final String GENERATED_PASSWORD = "smtp-tls.p12.password";

    private static final Logger log = LoggerFactory.getLogger(TlsContextFactory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Pattern DNS_NAME =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:]+");
    private static final String PASSWORD_ENV = "POSTAGE_GENERATED_KEYSTORE_PASSWORD";
    /** Two activations (587 and 465) may share a data directory: generate the key once, not twice. */
    private static final Object GENERATION_LOCK = new Object();

    private TlsContextFactory() {}

    /** Loads a PKCS12 or JKS keystore (the type is detected) holding the server's private key. */
    public static SSLContext fromKeystore(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(keystore.toFile(), password);
        String alias = keyAlias(store, keystore);
        log.info(
                "SMTP TLS certificate from {} (alias {}), SHA-256 fingerprint {}",
                keystore,
                alias,
                fingerprint(store.getCertificate(alias)));
        return contextFor(store, password);
    }

    /**
     * Uses {@code <dataDirectory>/smtp-tls.p12}, generating a self-signed RSA key into it first if it does not exist.
     * Its random password lives beside it in a file only the owner can read.
     */
    public static SSLContext selfSigned(Path dataDirectory, String hostName)
            throws IOException, GeneralSecurityException {
        Path keystore = dataDirectory.resolve(GENERATED_KEYSTORE);
        Path passwordFile = dataDirectory.resolve(GENERATED_PASSWORD);
        synchronized (GENERATION_LOCK) {
            if (!Files.exists(keystore)) {
                generate(dataDirectory, keystore, passwordFile, hostName);
            } else if (!Files.exists(passwordFile)) {
                throw new IOException("The generated keystore " + keystore + " has no password file " + passwordFile
                        + "; delete the keystore to generate a new key");
            }
        }
        char[] password =
                Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
        return fromKeystore(keystore, password);
    }

    /** The SHA-256 fingerprint as clients show it: colon-separated upper-case hex. */
    public static String fingerprint(Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static void generate(Path directory, Path keystore, Path passwordFile, String hostName)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        String password = randomPassword();
        Path tempKeystore = directory.resolve(GENERATED_KEYSTORE + ".tmp-" + System.nanoTime());
        Path tempPassword = directory.resolve(GENERATED_PASSWORD + ".tmp-" + System.nanoTime());
        try {
            writeOwnerOnly(tempPassword, password);
            runKeytool(tempKeystore, password, hostName);
            restrictToOwner(tempKeystore);
            // The password first: a crash between the two moves leaves no keystore, so the next start regenerates.
            Files.move(tempPassword, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tempKeystore, keystore, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tempPassword);
            Files.deleteIfExists(tempKeystore);
        }
        KeyStore store = KeyStore.getInstance(keystore.toFile(), password.toCharArray());
        log.info(
                "Generated a self-signed SMTP TLS key for {} in {}; SHA-256 fingerprint {}",
                hostName,
                keystore,
                fingerprint(store.getCertificate(keyAlias(store, keystore))));
    }

    private static void runKeytool(Path keystore, String password, String hostName) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(
                keytool.toString(),
                "-genkeypair",
                "-noprompt",
                "-alias",
                "postage-smtp",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "3650",
                "-dname",
                "CN=" + hostName.replace(",", "\\,"),
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass:env",
                PASSWORD_ENV));
        subjectAlternativeName(hostName).ifPresent(san -> command.addAll(List.of("-ext", san)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Through the environment, not the command line, where any local user could read it.
        builder.environment().put(PASSWORD_ENV, password);
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish generating the SMTP TLS key");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while generating the SMTP TLS key", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + output.replace('\n', ' '));
        }
    }

    private static Optional<String> subjectAlternativeName(String hostName) {
        if (IP_LITERAL.matcher(hostName).matches()) {
            return Optional.of("SAN=ip:" + hostName);
        }
        return DNS_NAME.matcher(hostName).matches() ? Optional.of("SAN=dns:" + hostName) : Optional.empty();
    }

    private static String keyAlias(KeyStore store, Path keystore) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new GeneralSecurityException("The keystore " + keystore + " holds no private key");
    }

    private static SSLContext contextFor(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("unexpected leftover file " + file, e);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the keystore password still protects the key.
        }
    }
}
