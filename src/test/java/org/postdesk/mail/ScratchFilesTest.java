package org.postdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
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
        assertThat(Files.getPosixFilePermissions(dir)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        assertThat(ScratchFiles.running(ScratchFiles.ownName())).isTrue();
        try (RawSource.Sink sink = RawSource.sink(1 << 20)) {
            sink.write(new byte[RawSource.IN_MEMORY_BYTES + 1]);
            try (RawSource source = sink.finish()) {
                assertThat(source.toString()).contains(dir.toString());
            }
        }
    }

    private static Path spooled(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("spool-1.bin"), new byte[1024]);
        return dir;
    }
}
