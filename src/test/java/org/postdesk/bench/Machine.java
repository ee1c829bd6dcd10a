package org.postdesk.bench;

import java.lang.management.ManagementFactory;

/** CPU figures of this process and the machine, to tell a slow run from a busy machine. */
final class Machine {
    private Machine() {
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Empty, or a warning when a load average this high means other processes competed for the CPU. */
    static String busyNote(double loadAverage) {
        return loadAverage > Runtime.getRuntime().availableProcessors() + 0.5
                ? " (BUSY: other processes competed for the CPU; figures are pessimistic)" : "";
    }
}
