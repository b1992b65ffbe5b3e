package dev.computeplan.roadef;

import java.time.Clock;
import java.util.List;

/** The solvers the CLI can run, by name. */
final class RoadefSolvers {

    /** The placement engine (Timefold), the default: the benchmark measures what the API serves. */
    static final String ENGINE = "engine";
    /** The ROADEF-specific incremental late acceptance search, for comparison. */
    static final String LOCAL = "local";

    static final List<String> NAMES = List.of(ENGINE, LOCAL);

    private RoadefSolvers() {}

    /** The named solver, or null if there is none by that name. */
    static RoadefSolver byName(String name, int threads) {
        return switch (name) {
            case ENGINE -> new RoadefEngineSolver(Clock.systemUTC(), threads);
            case LOCAL -> new RoadefLocalSearch(Clock.systemUTC(), threads, RoadefLocalSearch.DEFAULT_HISTORY);
            default -> null;
        };
    }
}
