package dev.computeplan.placement.roadef;

import java.util.List;

/** The solvers the CLI can run, by name. */
final class RoadefSolvers {

    static final String LOCAL = "local";
    static final List<String> NAMES = List.of(LOCAL);

    private RoadefSolvers() {
    }

    /** The named solver, or null if there is none by that name. */
    static RoadefSolver byName(String name) {
        return switch (name) {
            case LOCAL -> new RoadefLocalSearch();
            default -> null;
        };
    }
}
