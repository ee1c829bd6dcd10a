package org.postdesk.daemon;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the daemon's class-data archive when the launcher asks for one ({@code -Dpostdesk.cds.archive=FILE}, with
 * {@code -XX:+RecordDynamicDumpInfo}; see scripts/postdesk): {@link #DELAY} after the start, the classes loaded by
 * then (start-up, the first IDLE, the mail that came meanwhile) are dumped with the JVM's own {@code VM.cds
 * dynamic_dump} diagnostic command, so the next start maps them from the file instead of loading and verifying
 * them (issue 16: start to first IDLE). Once per jar and JDK; the older archives of the daemon are removed.
 * Hand-written because the JDK offers the dump only as a diagnostic command; JDK 19's -XX:+AutoCreateSharedArchive
 * would do it all, but the project runs on 17.
 */
final class ClassArchive {
    static final String PROPERTY = "postdesk.cds.archive";
    /** Long enough for the workers to reach IDLE even on a loaded machine; the dump pauses the JVM for a second or two. */
    static final Duration DELAY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ClassArchive.class);

    private ClassArchive() {
    }

    /** Starts the writer when the launcher gave a file; a daemon thread, so a stop never waits for it. */
    static void writeLaterIfAsked() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        Thread writer = new NamedThreads("class-archive").newThread(() -> {
            try {
                Thread.sleep(DELAY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            write(Path.of(file));
        });
        writer.setDaemon(true);
        writer.start();
    }

    static void write(Path archive) {
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        long started = System.nanoTime();
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                    new Object[] {new String[] {"dynamic_dump", tmp.toString()}},
                    new String[] {String[].class.getName()});
            if (!Files.isRegularFile(tmp) || Files.size(tmp) == 0) {
                log.warn("class-data archive {} was not written (the JVM refused the dump; see its messages on stderr);"
                        + " the daemon starts without one", archive);
                return;
            }
            // A rename, so a daemon or command started meanwhile never maps a half-written file.
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeOlder(archive);
            log.info("class-data archive written: {} ({} MB in {} ms); the next start maps it", archive,
                    Files.size(archive) >> 20, (System.nanoTime() - started) / 1_000_000);
        } catch (JMException | IOException | RuntimeException e) {
            log.warn("cannot write the class-data archive {}: {}; the daemon starts without one", archive, e.toString());
            deleteQuietly(tmp);
        }
    }

    /** The daemon's archives of other jars or JDKs (postdesk-run-*.jsa beside this one) are never mapped again. */
    private static void removeOlder(Path archive) throws IOException {
        try (DirectoryStream<Path> others = Files.newDirectoryStream(archive.getParent(), "postdesk-run-*.jsa")) {
            for (Path other : others) {
                if (!other.equals(archive)) {
                    deleteQuietly(other);
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", file, e.toString());
        }
    }
}
