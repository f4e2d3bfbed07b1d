package org.postage.infrastructure.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postage.application.submission.DiskSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The free space of the server's data directory ({@code jboss.server.data.dir}, POSTAGE_DATA_DIR in the run profile)
 * and of the Artemis journal in it ({@code activemq/journal}, WildFly's default, which postage.cli keeps), the least
 * of the two when an operator mounted the journal elsewhere. The file stores are looked up once (on Linux that reads
 * the mount table); each reading is then one {@code statvfs}.
 */
@ApplicationScoped
public class DataDirectorySpace implements DiskSpace {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectorySpace.class);

    static final String DATA_DIR_PROPERTY = "jboss.server.data.dir";
    static final String JOURNAL = "activemq/journal";

    private final Path dataDirectory;
    private List<FileStore> stores;
    private boolean failureLogged;

    public DataDirectorySpace() {
        this(Path.of(Optional.ofNullable(System.getProperty(DATA_DIR_PROPERTY)).orElse(".")));
    }

    DataDirectorySpace(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public synchronized long usableBytes() {
        try {
            long least = Long.MAX_VALUE;
            for (FileStore store : stores()) {
                least = Math.min(least, store.getUsableSpace());
            }
            return least;
        } catch (IOException e) {
            // A failed measurement refuses no mail: the journal write still decides, and answers 451 if it fails.
            if (!failureLogged) {
                failureLogged = true;
                LOG.warn(
                        "Cannot read the free space of {}: {}; accepting mail without the disk check",
                        describe(),
                        e.toString());
            }
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String describe() {
        return "the file system of " + dataDirectory.toAbsolutePath().normalize();
    }

    private List<FileStore> stores() throws IOException {
        if (stores == null) {
            List<FileStore> found = new ArrayList<>();
            found.add(Files.getFileStore(dataDirectory));
            Path journal = dataDirectory.resolve(JOURNAL);
            if (Files.isDirectory(journal)) {
                FileStore store = Files.getFileStore(journal);
                if (!found.contains(store)) {
                    found.add(store);
                }
            }
            stores = List.copyOf(found);
        }
        return stores;
    }
}
