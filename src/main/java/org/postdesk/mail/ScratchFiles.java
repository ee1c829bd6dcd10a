package org.postdesk.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>Whether a directory's process still runs is decided by a lock as well as by its name: the process holds an
 * exclusive lock on the directory's {@value #LOCK_FILE} for as long as it lives, and the kernel releases it when
 * the process dies, however it dies. The name alone was not enough: a process's start second as another JVM
 * computes it moves with the system's boot time, which the kernel derives from the wall clock, so in CI a live
 * test JVM's directory looked dead to a daemon it had started, was deleted under it, and was made again by
 * mime4j without the owner-only permissions.
 *
 * <p>Process-wide by nature, like {@code java.io.tmpdir} it is derived from: the directory's path is fixed on
 * first use and never changes (a directory removed under the process is made again at the same path), so the
 * value types that spool (such as {@link RawSource}) need no handle.
 */
public final class ScratchFiles {
    private static final Logger log = LoggerFactory.getLogger(ScratchFiles.class);
    /** Top-level temporary files of versions before the per-process directory, removed when this old. */
    static final Duration LEGACY_AGE = Duration.ofHours(6);
    /** The file each process keeps locked in its directory while it runs. */
    static final String LOCK_FILE = ".lock";
    /** The lock this process holds; kept reachable so that its channel, and with it the lock, is never collected. */
    private static final AtomicReference<FileLock> LOCK = new AtomicReference<>();
    /**
     * How far a process's start second may move between two JVMs' readings and still be the same process: wider
     * keeps a dead directory a little longer (until a later start), which is harmless; exact once deleted a live one.
     */
    static final long START_SLACK_SECONDS = 30;

    private ScratchFiles() {
    }

    /** The directory of every daemon and command of this user, beside the system's other temporary files. */
    public static Path root() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir")).resolve("postdesk-" + user);
    }

    /** This process's directory, made on first use (and again if a cleaner removed it since). */
    public static Path directory() {
        Path dir = Holder.DIR;
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            remake(dir);
        }
        return dir;
    }

    /** Whether this process holds its directory's lock (false where the file system takes no locks). */
    static boolean locking() {
        directory();
        return LOCK.get() != null;
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

    /**
     * Removes every entry of {@code root} named {@code <pid>-<start>} whose process no longer runs: its lock is
     * free and {@code running} is false for its name ({@link #alive}).
     */
    static int sweepStale(Path root, Predicate<String> running) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.matches("\\d+-\\d+") && !alive(entry, running) && deleteTree(entry)) {
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
     * Whether the process that made {@code dir} may still run. It is dead only when both tests say so: its lock is
     * free (or there is no lock file, as from older versions) and its name's pid and start second are not a running
     * process. The lock alone would misjudge the instant between a new directory's lock file and its lock; the name
     * alone once misjudged a live process whose start second moved.
     */
    static boolean alive(Path dir, Predicate<String> running) {
        // Never open this process's own lock file to test it: POSIX drops every lock a process holds on a file when
        // the process closes any descriptor of that file, so testing our own lock would release it.
        if (dir.toAbsolutePath().normalize().equals(root().resolve(ownName()).toAbsolutePath().normalize())) {
            return true;
        }
        return locked(dir.resolve(LOCK_FILE)) || running.test(dir.getFileName().toString());
    }

    /** Whether a process holds {@code lock}; false when there is no such file. */
    private static boolean locked(Path lock) {
        if (!Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock free = channel.tryLock();
            if (free == null) {
                return true; // another process holds it
            }
            free.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this JVM holds it (not reached for our own directory, which alive() never opens)
        } catch (IOException e) {
            log.warn("temporary files: cannot test the lock {}, so its directory is kept: {}", lock, e.toString());
            return true;
        }
    }

    /**
     * Whether the process {@code <pid>-<start>} still runs: its pid is alive and started near that second (a pid
     * the system gave to a process started later does not keep a dead daemon's files).
     */
    static boolean running(String name) {
        String[] parts = name.split("-");
        long pid = Long.parseLong(parts[0]);
        long startSecond = Long.parseLong(parts[1]);
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        return process.get().info().startInstant()
                .map(s -> Math.abs(s.getEpochSecond() - startSecond) <= START_SLACK_SECONDS).orElse(true);
    }

    /** This process's directory name. */
    static String ownName() {
        return OwnName.NAME;
    }

    private static Path create() {
        Path dir = root().resolve(ownName());
        make(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "scratch-cleanup"));
        return dir;
    }

    /**
     * Makes this process's directory again if something removed it: a temporary-file cleaner such as
     * systemd-tmpfiles ages out a directory nothing was written to for days, and a daemon runs for weeks.
     */
    private static synchronized void remake(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            log.warn("temporary files: {} was removed while this process ran (a temporary-file cleaner?); made again",
                    dir);
            make(dir);
        }
    }

    /** Makes {@code dir} (owner-only where the file system has permissions) and locks it for this process's life. */
    private static void make(Path dir) {
        Path root = dir.getParent();
        try {
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            // Another user could have made the name first in a shared /tmp, or made it a link elsewhere.
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) || !Files.getOwner(root, LinkOption.NOFOLLOW_LINKS)
                    .getName().equals(System.getProperty("user.name"))) {
                throw new IOException(root + " is not a directory of this user");
            }
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            makePlain(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("temporary files: cannot make " + dir + " (" + e.getMessage()
                    + "); make " + root + " writable by this user or point java.io.tmpdir elsewhere", e);
        }
        lock(dir);
    }

    /** Non-POSIX file systems (Windows): no permission attribute. */
    private static void makePlain(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("temporary files: cannot make " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Locks the directory's lock file until this process ends, so that other processes see that it runs. */
    private static void lock(Path dir) {
        Path lock = dir.resolve(LOCK_FILE);
        FileLock held = null;
        try {
            // Never closed: the lock lives as long as the process, and the kernel drops it when the process dies.
            FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            held = channel.lock();
        } catch (IOException | OverlappingFileLockException e) {
            // Still usable: without the lock, other processes fall back to the name's pid and start second.
            log.warn("temporary files: cannot lock {}; other processes will judge {} by its name alone: {}", lock, dir,
                    e.toString());
        }
        FileLock before = LOCK.getAndSet(held);
        if (before != null) {
            try {
                before.channel().close(); // the lock of a directory that was removed
            } catch (IOException e) {
                log.debug("temporary files: closing the lock of the removed {}: {}", dir, e.toString());
            }
        }
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

    /** Read once: every sweep compares each entry with it, and the directory need not exist for that. */
    private static final class OwnName {
        static final String NAME = ProcessHandle.current().pid() + "-"
                + ProcessHandle.current().info().startInstant().map(Instant::getEpochSecond).orElse(0L);
    }
}
