package org.postdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary files of a killed process are removed at the next start; a running process keeps its own. */
class ScratchFilesTest {
    @TempDir
    Path root;

    @Test
    void theDirectoriesOfProcessesThatNoLongerRunAreRemovedAndTheOthersKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long start = gone.info().startInstant().map(Instant::getEpochSecond).orElse(1L);
        Path killed = spooled(root.resolve(gone.pid() + "-" + start));
        Path own = spooled(root.resolve(ScratchFiles.ownName()));
        // This pid, but another start: a dead daemon whose pid the system gave to a newer process.
        Path reused = spooled(root.resolve(ProcessHandle.current().pid() + "-12345"));
        Path other = spooled(root.resolve("notes"));

        assertThat(ScratchFiles.sweepStale(root, ScratchFiles::running)).isEqualTo(2);

        assertThat(killed).doesNotExist();
        assertThat(reused).doesNotExist();
        assertThat(own).isDirectory();
        assertThat(other).isDirectory();
    }

    @Test
    void aDirectoryIsRemovedOnlyWhenItsLockIsFreeAndItsNameIsNoRunningProcess() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path deadWithFreeLock = locked(spooled(root.resolve(gone.pid() + "-1")));
        Path runningWithFreeLock = locked(spooled(root.resolve(ScratchFiles.ownName())));

        assertThat(ScratchFiles.sweepStale(root, ScratchFiles::running)).isEqualTo(1);

        assertThat(deadWithFreeLock).doesNotExist();
        assertThat(runningWithFreeLock).isDirectory();
    }

    /**
     * The CI failure this guards: a daemon started by the test JVM computed the test JVM's start second one off, so
     * the name said "dead" and the live directory was deleted. The lock a live process holds must keep it.
     */
    @Test
    void aLiveProcessKeepsItsDirectoryWhateverItsNameSaysAndLosesItWhenKilled() throws Exception {
        assumeTrue(ScratchFiles.locking(), "the temporary directory's file system takes no locks");
        Process child = childJava(List.of("-Djava.io.tmpdir=" + root), Holder.class.getName());
        try {
            Path made = Path.of(printedDirectory(child));
            assertThat(made.resolve(ScratchFiles.LOCK_FILE)).exists();
            // The same live process under a start second no reading would give: only its lock says it runs.
            Path misnamed = Files.move(made, made.resolveSibling(child.pid() + "-1"));

            assertThat(ScratchFiles.sweepStale(made.getParent(), ScratchFiles::running)).isZero();
            assertThat(misnamed).isDirectory();

            child.destroyForcibly(); // SIGKILL: no shutdown hook removes anything
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ScratchFiles.sweepStale(made.getParent(), ScratchFiles::running)).isEqualTo(1);
            assertThat(misnamed).doesNotExist();
        } finally {
            child.destroyForcibly();
        }
    }

    /** {@code main} in a JVM of its own on the tests' class path, output and errors in one stream. */
    private static Process childJava(List<String> jvmOptions, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        command.addAll(jvmOptions);
        command.add(main);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output up to the line that names its directory. */
    private static String printedDirectory(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(Holder.MARK)) {
                return line.substring(Holder.MARK.length());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child JVM ended without naming its directory; it printed:\n" + seen);
    }

    /** A process that makes its scratch directory, names it, and runs until killed. */
    public static final class Holder {
        static final String MARK = "scratch directory: ";

        public static void main(String[] args) throws Exception {
            System.out.println(MARK + ScratchFiles.directory());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /**
     * POSIX drops every lock a process holds on a file when it closes any descriptor of that file: a sweep that
     * tested this process's own lock (as every daemon start in a test JVM does) released it, and the next process
     * to sweep saw a live directory unlocked.
     */
    @Test
    void sweepingLeavesThisProcessHoldingItsOwnLock() throws Exception {
        assumeTrue(ScratchFiles.locking(), "the temporary directory's file system takes no locks");
        Path lock = ScratchFiles.directory().resolve(ScratchFiles.LOCK_FILE);
        assertThat(probe(lock)).as("before the sweep").isEqualTo(Probe.HELD);

        ScratchFiles.sweepStale(ScratchFiles.root(), ScratchFiles::running);

        assertThat(ScratchFiles.directory()).isDirectory();
        assertThat(probe(lock)).as("as another process sees it after the sweep").isEqualTo(Probe.HELD);
    }

    /** Whether another process finds {@code lock} held, as {@link Probe} reports it. */
    private static String probe(Path lock) throws Exception {
        Process child = childJava(List.of(), Probe.class.getName(), lock.toString());
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> l.equals(Probe.HELD) || l.equals(Probe.FREE)).findFirst()
                .orElseThrow(() -> new AssertionError("the probe printed no answer:\n" + out));
    }

    /** Tries to lock the file named by its argument and prints whether another process holds it. */
    public static final class Probe {
        static final String HELD = "held";
        static final String FREE = "free";

        public static void main(String[] args) throws Exception {
            try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                System.out.println(lock == null ? HELD : FREE);
            }
        }
    }

    /** A cleaner such as systemd-tmpfiles removes a directory nothing was written to for days. */
    @Test
    void aDirectoryRemovedUnderARunningProcessIsMadeAgainOwnerOnlyAndLocked() throws Exception {
        Path dir = ScratchFiles.directory();
        assertThat(ScratchFiles.deleteTree(dir)).isTrue();
        assertThat(dir).doesNotExist();

        try (RawSource.Sink sink = RawSource.sink(1 << 20)) {
            sink.write(new byte[RawSource.IN_MEMORY_BYTES + 1]);
            try (RawSource source = sink.finish()) {
                assertThat(source.toString()).contains(dir.toString());
            }
        }
        assertOwnerOnly(dir);
        if (ScratchFiles.locking()) {
            assertThat(probe(dir.resolve(ScratchFiles.LOCK_FILE))).as("locked again, as another process sees it")
                    .isEqualTo(Probe.HELD);
        }

        assertThat(ScratchFiles.deleteTree(dir)).isTrue();
        InboundMessage parsed = new MimeParser(1 << 20).parse(("Subject: big\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + "QUFB\r\n".repeat(100_000)).getBytes(StandardCharsets.US_ASCII));
        assertThat(parsed).isNotNull();
        assertOwnerOnly(dir);
    }

    /** Another JVM may read this process's start one second off (or a few): that must not make it dead. */
    @Test
    void aStartSecondReadSlightlyOffIsStillTheSameProcessAndOneFarOffIsNot() {
        long pid = ProcessHandle.current().pid();
        long start = Long.parseLong(ScratchFiles.ownName().split("-")[1]);
        assertThat(ScratchFiles.running(pid + "-" + (start - 1))).isTrue();
        assertThat(ScratchFiles.running(pid + "-" + (start + ScratchFiles.START_SLACK_SECONDS))).isTrue();
        assertThat(ScratchFiles.running(pid + "-" + (start + ScratchFiles.START_SLACK_SECONDS + 1))).isFalse();
        assertThat(ScratchFiles.running(pid + "-" + (start - ScratchFiles.START_SLACK_SECONDS - 1))).isFalse();
    }

    @Test
    void looseFilesOfOlderVersionsAreRemovedOnceTheyAreOld() throws IOException {
        Path old = Files.writeString(root.resolve("postdesk-raw123.eml"), "x");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path fresh = Files.writeString(root.resolve("postdesk-mime456.part"), "x");
        Path unrelated = Files.writeString(root.resolve("other-raw.eml"), "x");
        Files.setLastModifiedTime(unrelated, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        assertThat(ScratchFiles.sweepLegacy(root, Instant.now().minus(ScratchFiles.LEGACY_AGE))).isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void thisProcessSpoolsIntoAnOwnerOnlyDirectoryOfItsOwn() throws IOException {
        Path dir = ScratchFiles.directory();
        assertThat(dir.getFileName().toString()).isEqualTo(ScratchFiles.ownName());
        assertThat(dir.getParent()).isEqualTo(ScratchFiles.root());
        assertOwnerOnly(dir);
        assertThat(ScratchFiles.running(ScratchFiles.ownName())).isTrue();
        assertThat(dir.resolve(ScratchFiles.LOCK_FILE)).isRegularFile();
        assertThat(ScratchFiles.alive(dir, name -> false)).as("this process's own directory, whatever its name says")
                .isTrue();
        try (RawSource.Sink sink = RawSource.sink(1 << 20)) {
            sink.write(new byte[RawSource.IN_MEMORY_BYTES + 1]);
            try (RawSource source = sink.finish()) {
                assertThat(source.toString()).contains(dir.toString());
            }
        }
    }

    private static void assertOwnerOnly(Path dir) throws IOException {
        assertThat(Files.getPosixFilePermissions(dir)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    }

    /** A lock file nobody holds, as a killed process leaves it. */
    private static Path locked(Path dir) throws IOException {
        Files.write(dir.resolve(ScratchFiles.LOCK_FILE), new byte[0]);
        return dir;
    }

    private static Path spooled(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("spool-1.bin"), new byte[1024]);
        return dir;
    }
}
