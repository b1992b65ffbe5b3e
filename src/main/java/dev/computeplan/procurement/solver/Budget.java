package dev.computeplan.procurement.solver;

import java.time.Duration;

/**
 * A time limit shared by a known number of solves: each takes what is left divided by the solves still to come, so
 * time one leaves over goes to the later ones and an overrun is absorbed by them.
 */
final class Budget {

    /** Least time a solve gets, even when the ones before used up the limit. */
    static final Duration MIN_SOLVE = Duration.ofMillis(200);

    private final long deadline;
    private int units;

    Budget(Duration limit, int units) {
        this.deadline = System.nanoTime() + limit.toNanos();
        this.units = Math.max(1, units);
    }

    /** The time for the next solve worth {@code share} of the units left. */
    Duration take(int share) {
        long left = deadline - System.nanoTime();
        Duration d = Duration.ofNanos(Math.max(0, left) * Math.min(share, units) / units);
        units = Math.max(1, units - share);
        return d.compareTo(MIN_SOLVE) < 0 ? MIN_SOLVE : d;
    }

    Duration left() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
