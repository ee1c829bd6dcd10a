package org.postdesk.store;

import java.time.Instant;

/**
 * One running daemon as the registry knows it.
 *
 * @param id random per start, so two daemons in one JVM (tests) or a restarted one never share an id
 * @param heartbeatAt the daemon's own clock at its last heartbeat
 */
public record DaemonInfo(String id, String host, long pid, Instant startedAt, Instant heartbeatAt) {
    /** How {@code mailbox list} names it: {@code host pid 4242}. */
    public String display() {
        return host + " pid " + pid;
    }
}
