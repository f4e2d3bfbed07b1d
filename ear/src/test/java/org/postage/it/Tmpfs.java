package org.postage.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs of the test's own under /tmp, for a disk that fills up. Mounting needs root; {@link #close()}
 * unmounts it whatever the test did, a shutdown hook does if the JVM is stopped first, and {@link #mount} first
 * unmounts any left by a run that was killed (each is named {@value #SOURCE} in /proc/mounts).
 */
final class Tmpfs implements AutoCloseable {

    private static final String SOURCE = "postage-it-tmpfs";
    private static final int MIB = 1024 * 1024;

    private final Path path;
    private final Thread unmountOnExit;
    private int fillers;

    private Tmpfs(Path path) {
        this.path = path;
        this.unmountOnExit = new Thread(this::unmount, "unmount " + path);
        Runtime.getRuntime().addShutdownHook(unmountOnExit);
    }

    /** Whether this process may mount one: root on Linux. */
    static boolean canMount() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    static Tmpfs mount(int mebibytes) {
        unmountLeftovers();
        try {
            Path path = Files.createTempDirectory("postage-it-disk-");
            run("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m,mode=0755", SOURCE, path.toString());
            return new Tmpfs(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    long usableBytes() {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills the file system with a file of zeros until {@code bytes} are left; answers the file. */
    Path fillLeaving(long bytes) {
        Path filler = path.resolve("filler-" + (++fillers));
        ByteBuffer zeros = ByteBuffer.allocate(MIB);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long toWrite = usableBytes() - bytes;
            while (toWrite > 0) {
                zeros.clear().limit((int) Math.min(MIB, toWrite));
                toWrite -= out.write(zeros);
            }
            out.force(true);
            return filler;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        unmount();
        try {
            Runtime.getRuntime().removeShutdownHook(unmountOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    private synchronized void unmount() {
        if (!Files.exists(path)) {
            return;
        }
        // The server has just stopped: a file it had open can keep the mount busy for a moment.
        for (int attempt = 0; attempt < 20 && isMounted(path); attempt++) {
            if (attempt > 0) {
                PostageServer.sleep(250);
            }
            runQuietly("umount", path.toString());
        }
        if (isMounted(path)) {
            runQuietly("umount", "-l", path.toString()); // detached now, freed when the last file closes
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unmountLeftovers() {
        for (String line : mounts()) {
            String[] fields = line.split(" ");
            if (fields.length > 1 && fields[0].equals(SOURCE)) {
                runQuietly("umount", "-l", fields[1]);
                try {
                    Files.deleteIfExists(Path.of(fields[1]));
                } catch (IOException e) {
                    // an empty directory under /tmp: harmless
                }
            }
        }
    }

    private static boolean isMounted(Path path) {
        String point = path.toAbsolutePath().toString();
        return mounts().stream().anyMatch(line -> line.startsWith(SOURCE + " " + point + " "));
    }

    private static List<String> mounts() {
        try {
            return Files.readAllLines(Path.of("/proc/mounts"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String... command) {
        int status = runQuietly(command);
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with status " + status);
        }
    }

    private static int runQuietly(String... command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
