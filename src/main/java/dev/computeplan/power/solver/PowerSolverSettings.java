package dev.computeplan.power.solver;

import java.time.Duration;

/**
 * How {@link PowerSolver} spends its time and threads. The shares are fractions of the job's time limit.
 *
 * @param workers             CP-SAT worker threads
 * @param seed                seed of ruin-and-recreate and of CP-SAT (windows use {@code seed + window number})
 * @param cpSatMaxBools       above this many 0/1 variables the time-indexed CP-SAT model is not built (the interval
 *                            model or the windows run instead): its presolve alone would eat the limit
 * @param heuristicShare      share the local search gets before the time-indexed CP-SAT model (0: CP-SAT right after
 *                            the starts)
 * @param intervalMaxJobs     up to this many jobs (all non-interruptible) the whole problem goes to the interval model
 *                            once the time-indexed one is too big; above it the windows keep each CP-SAT model small
 * @param intervalSearchShare share the local search gets before the whole-problem interval model (CP-SAT's own large
 *                            neighbourhoods do better there, so it gets most of the time)
 * @param boundShare          without CP-SAT, the last share of the limit, spent raising the Lagrangian lower bound
 * @param windowMinShare      ruin-and-recreate hands over to the window search once it has stalled for {@code stall},
 *                            but not before this share of the limit
 * @param stall               how long ruin-and-recreate may find nothing better before the windows take over
 * @param probingLevel        CP-SAT presolve probing level of the interval model (CP-SAT's default is 2; probing
 *                            costs more than it finds on these models)
 * @param cpLog               log CP-SAT's search progress
 * @param fullPowerShare      when jobs have several power levels, the share of the interval model's time spent first
 *                            on the model restricted to full power (its schedule then hints the whole model)
 */
public record PowerSolverSettings(
        int workers,
        int seed,
        long cpSatMaxBools,
        double heuristicShare,
        int intervalMaxJobs,
        double intervalSearchShare,
        double boundShare,
        double windowMinShare,
        Duration stall,
        int probingLevel,
        boolean cpLog,
        double fullPowerShare) {

    public static PowerSolverSettings defaults() {
        return new PowerSolverSettings(2, 7, 30_000, 0.2, 300, 0.2, 0.25, 0.3, Duration.ofSeconds(3), 0, false, 0.4);
    }

    /** Ruin-and-recreate runs before the windows until the bound's share starts. */
    double windowSearchShare() {
        return 1 - boundShare;
    }

    public PowerSolverSettings withFullPowerShare(double value) {
        return new PowerSolverSettings(
                workers,
                seed,
                cpSatMaxBools,
                heuristicShare,
                intervalMaxJobs,
                intervalSearchShare,
                boundShare,
                windowMinShare,
                stall,
                probingLevel,
                cpLog,
                value);
    }

    public PowerSolverSettings withWorkers(int value) {
        return new PowerSolverSettings(
                value,
                seed,
                cpSatMaxBools,
                heuristicShare,
                intervalMaxJobs,
                intervalSearchShare,
                boundShare,
                windowMinShare,
                stall,
                probingLevel,
                cpLog,
                fullPowerShare);
    }

    public PowerSolverSettings withCpSatMaxBools(long value) {
        return new PowerSolverSettings(
                workers,
                seed,
                value,
                heuristicShare,
                intervalMaxJobs,
                intervalSearchShare,
                boundShare,
                windowMinShare,
                stall,
                probingLevel,
                cpLog,
                fullPowerShare);
    }

    public PowerSolverSettings withHeuristicShare(double value) {
        return new PowerSolverSettings(
                workers,
                seed,
                cpSatMaxBools,
                value,
                intervalMaxJobs,
                intervalSearchShare,
                boundShare,
                windowMinShare,
                stall,
                probingLevel,
                cpLog,
                fullPowerShare);
    }

    public PowerSolverSettings withIntervalMaxJobs(int value) {
        return new PowerSolverSettings(
                workers,
                seed,
                cpSatMaxBools,
                heuristicShare,
                value,
                intervalSearchShare,
                boundShare,
                windowMinShare,
                stall,
                probingLevel,
                cpLog,
                fullPowerShare);
    }
}
