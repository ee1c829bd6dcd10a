package org.postdesk.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this process keeps its temporary files (spooled message sources, decoded attachments, mime4j's large
 * bodies): a directory of its own, {@code <java.io.tmpdir>/postdesk-<user>/<pid>-<start>}, owner-only, deleted
 * when the JVM exits normally. A JVM killed with SIGKILL or by a crash cannot delete its files; the next daemon
 * start removes the directories of processes that no longer run ({@link #sweepStale()}), so 40 MB leftovers
 * do not pile up in the temporary directory over weeks of restarts.
 *
 * <p>Process-wide by nature, like {@code java.io.tmpdir} it is derived from: the directory is made once, on
 * first use, and never changes, so the value types that spool (such as {@link RawSource}) need no handle.
 */
public final class ScratchFiles {
    private static final Logger log = LoggerFactory.getLogger(ScratchFiles.class);
    /** Top-level temporary files of versions before the per-process directory, removed when this old. */
    static final Duration LEGACY_AGE = Duration.ofHours(6);

    private ScratchFiles() {
    }

    /** The directory of every daemon and command of this user, beside the system's other temporary files. */
    public static Path root() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir")).resolve("postdesk-" + user);
    }

    /** This process's directory, made on first use. */
    public static Path directory() {
        return Holder.DIR;
    }

    /** A new owner-only file in this process's directory. */
    public static Path createFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(directory(), prefix, suffix);
    }

    /**
     * Removes the directories of processes that no longer run, and the loose files older versions left in the
     * temporary directory itself; never throws (a file that cannot be removed is logged). Called at daemon start.
     *
     * @return how many directories and files were removed
     */
    public static int sweepStale() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        int removed = sweepStale(root(), ScratchFiles::running);
        removed += sweepLegacy(tmp, Instant.now().minus(LEGACY_AGE));
        return removed;
    }

    /** Removes every entry of {@code root} named {@code <pid>-<start>} for which {@code running} is false. */
    static int sweepStale(Path root, Predicate<String> running) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.matches("\\d+-\\d+") && !running.test(name) && deleteTree(entry)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("temporary files: cannot list {} to remove what stopped processes left: {}", root, e.toString());
        }
        if (removed > 0) {
            log.info("temporary files: removed {} directories left in {} by processes that were killed", removed, root);
        }
        return removed;
    }

    /** Loose {@code postdesk-raw*.eml} and {@code postdesk-mime*.part} files older than {@code before}. */
    static int sweepLegacy(Path tmp, Instant before) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, "postdesk-{raw*.eml,mime*.part}")) {
            for (Path file : entries) {
                FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && modified.toInstant().isBefore(before)
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("temporary files: cannot remove old postdesk files in {}: {}", tmp, e.toString());
        }
        return removed;
    }

    /**
     * Whether the process {@code <pid>-<start>} still runs: its pid is alive and started at that second (a pid
     * the system gave to a newer process does not keep a dead daemon's files).
     */
    static boolean running(String name) {
        String[] parts = name.split("-");
        long pid = Long.parseLong(parts[0]);
        long startSecond = Long.parseLong(parts[1]);
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        return process.get().info().startInstant().map(s -> s.getEpochSecond() == startSecond).orElse(true);
    }

    /** This process's directory name. */
    static String ownName() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(Instant::getEpochSecond).orElse(0L);
        return self.pid() + "-" + start;
    }

    private static Path create() {
        Path root = root();
        Path dir = root.resolve(ownName());
        try {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            // Another user could have made the name first in a shared /tmp, or made it a link elsewhere.
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) || !Files.getOwner(root, LinkOption.NOFOLLOW_LINKS)
                    .getName().equals(System.getProperty("user.name"))) {
                throw new IOException(root + " is not a directory of this user");
            }
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return createPlain(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("temporary files: cannot make " + dir + " (" + e.getMessage()
                    + "); make " + root + " writable by this user or point java.io.tmpdir elsewhere", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "scratch-cleanup"));
        return dir;
    }

    /** Non-POSIX file systems (Windows): no permission attribute. */
    private static Path createPlain(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("temporary files: cannot make " + dir + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "scratch-cleanup"));
        return dir;
    }

    /** Deletes a directory and everything in it; false (and a warning) when something stays. */
    static boolean deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (IOException e) {
            log.warn("temporary files: cannot remove {}: {}", dir, e.toString());
            return false;
        }
    }

    private static final class Holder {
        static final Path DIR = create();
    }
}
