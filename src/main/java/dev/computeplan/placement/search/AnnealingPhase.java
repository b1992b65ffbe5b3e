package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated annealing over change, swap (mostly of look-alike workloads) and ejection moves, run on the engine's
 * own incremental score without Timefold's move machinery. On tightly packed clusters late in a search nearly every
 * random move breaks a capacity and is skipped unscored; drawing such a move through Timefold (selectors, pin check,
 * move objects) cost more than the skip itself, so this loop draws and tests them directly. Same acceptance as
 * Timefold's simulated annealing: no loss in hard or medium, a soft loss d accepted with probability exp(-d/T), T
 * falling linearly from the starting temperature to 0 over the budget. Gang members, pinned and unassigned workloads
 * stay as they are (the gang and construction phases place those).
 */
public final class AnnealingPhase implements PhaseCommand<PlacementSolution> {

    private static final Logger LOG = LoggerFactory.getLogger(AnnealingPhase.class);
    private static final String VARIABLE = "node";
    /**
     * Share of swap draws whose partner is one of the {@link #SIMILAR} workloads with the nearest requirements
     * ({@link SimilarWorkloads}), the rest being uniform. Near an optimum every node sits just above or below its
     * safety capacity in each resource, and a swap of look-alikes trims one resource without spilling another.
     * A solve may set its own share ({@link AnnealingShared}).
     */
    public static final double SIMILAR_SHARE = 0.9;

    static final int SIMILAR = 20;

    private final Duration budget;
    private final AnnealingShared shared;
    private final boolean first;
    private final long seed;
    private final double swapShare;
    private final double ejectionShare;
    private long stepLimit = Long.MAX_VALUE;

    /**
     * @param budget              time over which the temperature falls to 0 (the phase may be stopped earlier)
     * @param startingTemperature soft units
     * @param swapShare           share of draws that are swaps
     * @param ejectionShare       share of draws that are ejections (the rest are changes)
     */
    public AnnealingPhase(
            Duration budget, long startingTemperature, long seed, double swapShare, double ejectionShare) {
        this(budget, new AnnealingShared(startingTemperature, SIMILAR_SHARE), true, seed, swapShare, ejectionShare);
    }

    /**
     * One of several annealing phases of a solve that share {@code shared}; {@code first} starts at its initial
     * temperature, a later one where the phase before left it.
     */
    public AnnealingPhase(
            Duration budget, AnnealingShared shared, boolean first, long seed, double swapShare, double ejectionShare) {
        this.budget = budget;
        this.shared = shared;
        this.first = first;
        this.seed = seed;
        this.swapShare = swapShare;
        this.ejectionShare = ejectionShare;
    }

    /**
     * Ends after {@code steps} steps, the temperature falling with the steps taken instead of the time spent: the
     * same answer on any machine, for tests and speed measurements.
     */
    public AnnealingPhase withStepLimit(long steps) {
        this.stepLimit = steps;
        return this;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<PlacementSolution> sd, BooleanSupplier isPhaseTerminated) {
        // Setting a walk up on a large problem takes seconds on a busy machine and cannot be interrupted: a phase
        // that starts after the limit would overrun it.
        if (isPhaseTerminated.getAsBoolean()) {
            return;
        }
        PlacementSolution solution = sd.getWorkingSolution();
        AnnealingRun run = new AnnealingRun(
                solution,
                shared,
                first,
                seed,
                new AnnealingRun.Plan(budget, stepLimit, swapShare, ejectionShare),
                isPhaseTerminated);
        if (run.movable.length == 0 || solution.getNodes().size() < 2) {
            return;
        }
        Node[] start = run.currentNodes();
        HardMediumSoftLongScore startScore = run.current;
        long startingTemperature = shared.take(first);
        long startNanos = System.nanoTime();
        run.anneal(isPhaseTerminated, startingTemperature);
        LOG.info(
                "Annealing from {} (look-alikes {}, capacity price {}): {} moves scored ({}/s), {} accepted, best {}",
                startingTemperature,
                shared.lookAlikeShare,
                run.relaxation == null ? "strict" : String.format("%.3g", run.relaxation.price),
                run.scored,
                run.scored * 1_000_000_000L / Math.max(1L, System.nanoTime() - startNanos),
                run.accepted,
                run.bestScore);
        if (run.relaxation != null) {
            shared.overfullMoves.addAndGet(run.relaxation.overfullMoves);
        }
        if (run.bestScore.compareTo(startScore) <= 0) {
            shared.failed(startingTemperature);
        }
        Node[] best = run.best;
        // The loop moved the workloads behind Timefold's back: put them back and replay the best through it.
        for (int i = 0; i < run.movable.length; i++) {
            run.movable[i].setNode(start[i]);
        }
        for (int i = 0; i < run.movable.length; i++) {
            if (best[i] != start[i]) {
                sd.beforeVariableChanged(run.movable[i], VARIABLE);
                run.movable[i].setNode(best[i]);
                sd.afterVariableChanged(run.movable[i], VARIABLE);
            }
        }
        sd.triggerVariableListeners();
    }
}
