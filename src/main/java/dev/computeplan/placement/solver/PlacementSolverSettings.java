package dev.computeplan.placement.solver;

import java.util.Objects;

/**
 * What a user may tune in the placement solver. Plain values, no framework: the kind maps its properties onto this.
 *
 * @param seed                 random seed of every solve: the same request gives the same answer under the same
 *                             budget and load
 * @param ruinRecreateMaxNodes ruin-and-recreate moves only on clusters up to this many nodes: each one re-inserts
 *                             its workloads by scoring every node, which on thousands of nodes costs as much as
 *                             thousands of change moves
 * @param factoryCacheSize     solver factories kept for reuse (building one analyses the domain and compiles the
 *                             constraints); the cache is emptied when it grows past this
 * @param lateAcceptanceSize   late acceptance list length: long enough to climb out of capacity plateaus, short
 *                             enough to converge
 * @param firstSearchPercent   share of the time limit for the first local search, before gangs get a second chance
 * @param timeSplit            how the time limit is shared out between the phases and what follows the solver
 * @param engine               how the search phase runs: which search, parallel runs, annealing temperatures
 */
public record PlacementSolverSettings(
        long seed,
        int ruinRecreateMaxNodes,
        int factoryCacheSize,
        int lateAcceptanceSize,
        int firstSearchPercent,
        PlacementTimeSplit timeSplit,
        PlacementEngineSettings engine) {

    /** With the default engine settings. */
    public PlacementSolverSettings(
            long seed,
            int ruinRecreateMaxNodes,
            int factoryCacheSize,
            int lateAcceptanceSize,
            int firstSearchPercent,
            PlacementTimeSplit timeSplit) {
        this(
                seed,
                ruinRecreateMaxNodes,
                factoryCacheSize,
                lateAcceptanceSize,
                firstSearchPercent,
                timeSplit,
                PlacementEngineSettings.defaults());
    }

    /** With the default time split. */
    public PlacementSolverSettings(
            long seed, int ruinRecreateMaxNodes, int factoryCacheSize, int lateAcceptanceSize, int firstSearchPercent) {
        this(
                seed,
                ruinRecreateMaxNodes,
                factoryCacheSize,
                lateAcceptanceSize,
                firstSearchPercent,
                PlacementTimeSplit.defaults());
    }

    public PlacementSolverSettings {
        if (ruinRecreateMaxNodes < 0 || factoryCacheSize < 1 || lateAcceptanceSize < 1) {
            throw new IllegalArgumentException(
                    "ruinRecreateMaxNodes >= 0, factoryCacheSize >= 1 and " + "lateAcceptanceSize >= 1 required");
        }
        Objects.requireNonNull(timeSplit, "timeSplit");
        Objects.requireNonNull(engine, "engine");
        if (firstSearchPercent < 1 || firstSearchPercent > 99) {
            throw new IllegalArgumentException("firstSearchPercent must be in 1..99: " + firstSearchPercent);
        }
    }

    public PlacementSolverSettings withEngine(PlacementEngineSettings value) {
        return new PlacementSolverSettings(
                seed, ruinRecreateMaxNodes, factoryCacheSize, lateAcceptanceSize, firstSearchPercent, timeSplit, value);
    }

    public PlacementSolverSettings withSeed(long value) {
        return new PlacementSolverSettings(
                value,
                ruinRecreateMaxNodes,
                factoryCacheSize,
                lateAcceptanceSize,
                firstSearchPercent,
                timeSplit,
                engine);
    }

    public static PlacementSolverSettings defaults() {
        return new PlacementSolverSettings(
                42L, 500, 32, SolverOptions.DEFAULT_LATE_ACCEPTANCE_SIZE, SolverOptions.DEFAULT_FIRST_SEARCH_PERCENT);
    }
}
