package dev.computeplan.placement.roadef;

import java.time.Clock;
import java.util.List;

/** The solvers the CLI can run, by name. */
final class RoadefSolvers {

    static final String LOCAL = "local";
    static final List<String> NAMES = List.of(LOCAL);

    private RoadefSolvers() {
    }

    /** The named solver, or null if there is none by that name. */
    static RoadefSolver byName(String name, int threads) {
        return switch (name) {
            case LOCAL -> new RoadefLocalSearch(Clock.systemUTC(), threads,
                    Integer.getInteger("roadef.history", RoadefLocalSearch.DEFAULT_HISTORY));
            default -> null;
        };
    }
}
