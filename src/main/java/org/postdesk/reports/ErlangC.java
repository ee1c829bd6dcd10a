package org.postdesk.reports;

/**
 * The Erlang C queueing model (M/M/N): requests arrive at random (Poisson) at a steady rate, each takes an
 * exponentially distributed handling time, N agents serve one queue first come first served, nobody gives
 * up. Pure functions; hand-written because it is a dozen lines of textbook arithmetic.
 */
public final class ErlangC {
    private static final int MAX_AGENTS = 1000;

    private ErlangC() {
    }

    /**
     * The probability that a request waits at all, with {@code agents} agents and {@code erlangs} of traffic
     * (arrivals per hour × handling hours). Uses the Erlang B recursion, which stays stable where factorials
     * overflow.
     */
    public static double waitProbability(int agents, double erlangs) {
        if (agents <= erlangs) {
            return 1.0;
        }
        double b = 1.0;
        for (int k = 1; k <= agents; k++) {
            b = erlangs * b / (k + erlangs * b);
        }
        return agents * b / (agents - erlangs * (1 - b));
    }

    /** The share of requests answered within {@code targetHours}: 1 − C·e^(−(N−A)·T/AHT). */
    public static double serviceLevel(int agents, double erlangs, double targetHours, double handlingHours) {
        if (agents <= erlangs) {
            return 0.0;
        }
        return 1 - waitProbability(agents, erlangs) * Math.exp(-(agents - erlangs) * targetHours / handlingHours);
    }

    /** The fewest agents that answer {@code level} of requests within the target; 0 without traffic. */
    public static int agentsFor(double arrivalsPerHour, double handlingHours, double targetHours, double level) {
        double erlangs = arrivalsPerHour * handlingHours;
        if (erlangs <= 0) {
            return 0;
        }
        for (int n = Math.max(1, (int) Math.ceil(erlangs)); n <= MAX_AGENTS; n++) {
            if (serviceLevel(n, erlangs, targetHours, handlingHours) >= level) {
                return n;
            }
        }
        throw new IllegalArgumentException("more than " + MAX_AGENTS + " agents needed for " + arrivalsPerHour
                + " requests an hour at " + handlingHours + " h each: check the handling time");
    }
}
