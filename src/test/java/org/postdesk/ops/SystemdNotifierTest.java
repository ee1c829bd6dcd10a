package org.postdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdNotifierTest {
    @TempDir
    Path dir;

    /** A stand-in for systemd-notify that appends its arguments to a file. */
    private String fakeNotify() throws Exception {
        Path script = dir.resolve("systemd-notify");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> " + dir.resolve("sent") + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    @Test
    void underSystemdItSendsReadyWatchdogAndStoppingForThisProcess() throws Exception {
        long pid = ProcessHandle.current().pid();
        SystemdNotifier n = new SystemdNotifier(fakeNotify(), Map.of("NOTIFY_SOCKET", "/run/systemd/notify",
                "WATCHDOG_USEC", "60000000", "WATCHDOG_PID", Long.toString(pid)));
        n.ready();
        n.watchdog();
        n.stopping();
        assertThat(Files.readAllLines(dir.resolve("sent"))).containsExactly(
                "--pid=" + pid + " READY=1 STATUS=watching mailboxes",
                "--pid=" + pid + " WATCHDOG=1",
                "--pid=" + pid + " STOPPING=1 STATUS=stopping: finishing the messages in flight");
        assertThat(n.pingEvery()).hasValue(Duration.ofSeconds(30));
    }

    @Test
    void withoutSystemdItDoesNothing() throws Exception {
        SystemdNotifier n = new SystemdNotifier(fakeNotify(), Map.of());
        n.ready();
        assertThat(dir.resolve("sent")).doesNotExist();
        assertThat(n.pingEvery()).isEmpty();
    }

    @Test
    void aWatchdogMeantForAnotherProcessIsNotFed() throws Exception {
        SystemdNotifier n = new SystemdNotifier(fakeNotify(), Map.of("NOTIFY_SOCKET", "@notify",
                "WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "1"));
        assertThat(n.pingEvery()).isEmpty();
    }
}
