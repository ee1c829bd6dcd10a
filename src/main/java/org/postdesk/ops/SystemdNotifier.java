package org.postdesk.ops;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd (a {@code Type=notify} unit) that the daemon is ready, that it is still alive (watchdog), and
 * that it is stopping; does nothing when not started by systemd ({@code NOTIFY_SOCKET} unset).
 *
 * <p>The notification socket is a Unix datagram socket, which Java 17 cannot open (its Unix-domain support is
 * for stream sockets only), so the messages go through {@code systemd-notify}, run with {@code --pid} of this
 * JVM. The unit needs {@code NotifyAccess=all} for that; systemd-notify waits until systemd has processed the
 * message (its barrier), so the message is not lost when the helper exits first.
 */
public final class SystemdNotifier {
    private static final Logger log = LoggerFactory.getLogger(SystemdNotifier.class);
    private static final long HELPER_TIMEOUT_SECONDS = 10;

    private final String command;
    private final boolean enabled;
    private final Duration watchdog;

    SystemdNotifier(String command, Map<String, String> env) {
        this.command = command;
        this.enabled = env.get("NOTIFY_SOCKET") != null && !env.get("NOTIFY_SOCKET").isBlank();
        this.watchdog = watchdogInterval(env);
    }

    /** Reads {@code NOTIFY_SOCKET} and {@code WATCHDOG_USEC} from the process environment. */
    public static SystemdNotifier fromEnvironment() {
        return new SystemdNotifier("systemd-notify", System.getenv());
    }

    public boolean enabled() {
        return enabled;
    }

    /** Half the unit's {@code WatchdogSec}, as systemd's documentation advises; empty when no watchdog is set. */
    public Optional<Duration> pingEvery() {
        return enabled && watchdog != null ? Optional.of(watchdog.dividedBy(2)) : Optional.empty();
    }

    public void ready() {
        send("READY=1", "STATUS=watching mailboxes");
    }

    public void watchdog() {
        send("WATCHDOG=1");
    }

    public void stopping() {
        send("STOPPING=1", "STATUS=stopping: finishing the messages in flight");
    }

    private static Duration watchdogInterval(Map<String, String> env) {
        String usec = env.get("WATCHDOG_USEC");
        String pid = env.get("WATCHDOG_PID");
        if (usec == null || (pid != null && !pid.equals(Long.toString(ProcessHandle.current().pid())))) {
            return null;
        }
        try {
            return Duration.ofNanos(Long.parseLong(usec.trim()) * 1000);
        } catch (NumberFormatException e) {
            log.warn("systemd: WATCHDOG_USEC={} is not a number; not pinging the watchdog", usec);
            return null;
        }
    }

    private void send(String... assignments) {
        if (!enabled) {
            return;
        }
        List<String> args = new java.util.ArrayList<>(List.of(command, "--pid=" + ProcessHandle.current().pid()));
        args.addAll(List.of(assignments));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.warn("systemd: {} did not finish within {} s", command, HELPER_TIMEOUT_SECONDS);
            } else if (p.exitValue() != 0) {
                log.warn("systemd: {} {} exited with {} (does the unit set NotifyAccess=all?)", command,
                        String.join(" ", assignments), p.exitValue());
            }
        } catch (IOException e) {
            log.warn("systemd: cannot run {} to send {}: {} (install systemd's tools or drop Type=notify)", command,
                    String.join(" ", assignments), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
