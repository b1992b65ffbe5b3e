package dev.computeplan.placement.solver;

import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.RuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.search.AnnealingPhase;
import dev.computeplan.placement.search.ExchangePhase;
import dev.computeplan.placement.search.GangPlacementPhase;
import dev.computeplan.placement.search.QuickFitPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The solver set-up, in code: whole-gang placement, a quick best-fit for plain workloads, first-fit-decreasing
 * construction of the rest, late acceptance over
 * change, swap and (rarely, they are costly) ruin-and-recreate moves for half the time,
 * whole-gang placement again, and late acceptance for the rest.
 */
public final class PlacementSolverConfig {

    public static final double CHANGE_WEIGHT = 10.0;
    public static final double SWAP_WEIGHT = 10.0;
    public static final double RUIN_RECREATE_WEIGHT = 1.0;
    public static final int RUIN_MIN = 2;
    public static final int RUIN_MAX = 12;
    /**
     * Swaps against change and ejection in simulated annealing ({@link AnnealingPhase}): on tightly packed clusters
     * a feasible swap is rare and costly to find, so fewer swaps leave time for more moves.
     */
    public static final double ANNEALING_SWAP_WEIGHT = 2.0;
    /** Ejection moves against change and swap's weights (simulated annealing only). */
    public static final double EJECTION_WEIGHT = 3.0;
    /** The second annealing phase draws other moves than the first. */
    static final long SECOND_SEARCH_SEED_OFFSET = 1_000_003L;

    private PlacementSolverConfig() {}

    /**
     * How local search accepts moves. Late acceptance of single random moves (Timefold's local search) also assigns
     * pending workloads; simulated annealing ({@link AnnealingPhase}, with feasibility filters and ejection moves)
     * moves placed workloads only, and does better on tightly packed clusters where most random moves break a
     * capacity. {@link PlacementEngineSettings} chooses.
     */
    public enum Search {
        LATE_ACCEPTANCE,
        SIMULATED_ANNEALING
    }

    /**
     * The phase list of {@code options}: stops at its time limit (and also on its unimproved limit if set), its
     * local searches of equal length, with a meeting of the parallel runs between each two where it has them.
     */
    public static SolverConfig create(SolverOptions options) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(options.timeLimit());
        if (options.unimprovedLimit() != null) {
            termination.setUnimprovedSpentLimit(options.unimprovedLimit());
        }
        return new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(Workload.class)
                .withScoreDirectorFactory(scoreDirector(options.mode()))
                .withEnvironmentMode(options.mode())
                .withRandomSeed(options.seed())
                .withTerminationConfig(termination)
                .withPhaseList(phases(options));
    }

    private static List<PhaseConfig> phases(SolverOptions options) {
        Duration timeLimit = options.timeLimit();
        int searches = options.searches();
        Duration first = searches == 2
                ? Duration.ofMillis(timeLimit.toMillis() * options.firstSearchPercent() / 100)
                : Duration.ofMillis(timeLimit.toMillis() / searches);
        List<PhaseConfig> phases = new ArrayList<>(List.of(
                gangPlacement(options),
                new CustomPhaseConfig().withCustomPhaseCommands(new QuickFitPhase()),
                bounded(
                        new ConstructionHeuristicPhaseConfig()
                                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                        options,
                        options.constructionPercent()),
                search(first, options, true, options.seed()).withTerminationConfig(termination(first, options))));
        for (int k = 1; k < searches; k++) {
            if (!options.meetings().isEmpty()) {
                phases.add(new CustomPhaseConfig()
                        .withCustomPhaseCommands(
                                new ExchangePhase(options.meetings().get(k - 1))));
            }
            // Local search may have freed room a pending gang now fits in; single moves cannot place it.
            phases.add(gangPlacement(options));
            boolean last = k == searches - 1;
            PhaseConfig<?> next = search(
                    last ? timeLimit.minus(first.multipliedBy(k)) : first,
                    options,
                    false,
                    options.seed() + k * SECOND_SEARCH_SEED_OFFSET);
            if (!last || options.stepLimit() > 0) {
                next.withTerminationConfig(termination(first, options));
            }
            phases.add(next);
        }
        return phases;
    }

    private static PhaseConfig<?> gangPlacement(SolverOptions options) {
        return bounded(
                new CustomPhaseConfig().withCustomPhaseCommands(new GangPlacementPhase()),
                options,
                options.gangPercent());
    }

    /**
     * A placement phase stopped after its share of the limit: one that cannot finish in time (a big cluster, a busy
     * machine) leaves the rest of the limit to the searches, and the final fill places what it left. Unbounded with a
     * step limit, which asks for the same answer on any machine.
     */
    private static PhaseConfig<?> bounded(PhaseConfig<?> phase, SolverOptions options, int percent) {
        if (percent <= 0 || options.stepLimit() > 0) {
            return phase;
        }
        return phase.withTerminationConfig(
                new TerminationConfig().withSpentLimit(PlacementTimeSplit.share(options.timeLimit(), percent)));
    }

    /** A non-last search's own stop: its share of the time, or the step limit when there is one. */
    private static TerminationConfig termination(Duration share, SolverOptions options) {
        return options.stepLimit() > 0
                ? new TerminationConfig().withStepCountLimit((int) options.stepLimit())
                : new TerminationConfig().withSpentLimit(share);
    }

    /**
     * Simulated annealing runs as {@link AnnealingPhase} on the incremental score directly (far more scored moves
     * per second than Timefold's local search); the other searches are Timefold local search phases. {@code budget} is the span over which the annealing temperature falls to zero.
     */
    static PhaseConfig<?> search(Duration budget, SolverOptions options, boolean first, long seed) {
        if (options.search() == Search.SIMULATED_ANNEALING) {
            double total = CHANGE_WEIGHT + ANNEALING_SWAP_WEIGHT + EJECTION_WEIGHT;
            AnnealingPhase phase = new AnnealingPhase(
                    budget, options.annealing(), first, seed, ANNEALING_SWAP_WEIGHT / total, EJECTION_WEIGHT / total);
            return new CustomPhaseConfig()
                    .withCustomPhaseCommands(
                            options.stepLimit() > 0 ? phase.withStepLimit(options.stepLimit()) : phase);
        }
        return localSearch(options.ruinRecreateWeight(), options.lateAcceptanceSize());
    }

    /**
     * Solving scores with the hand-kept {@link PlacementIncrementalScore}; in the assert environment modes Timefold
     * re-checks every step against the constraint provider, which stays the reference for the rules.
     */
    public static ScoreDirectorFactoryConfig scoreDirector(EnvironmentMode mode) {
        ScoreDirectorFactoryConfig config =
                new ScoreDirectorFactoryConfig().withIncrementalScoreCalculatorClass(PlacementIncrementalScore.class);
        return mode.isStepAssertOrMore()
                ? config.withAssertionScoreDirectorFactory(
                        new ScoreDirectorFactoryConfig().withConstraintProviderClass(PlacementConstraintProvider.class))
                : config;
    }

    /** For score analysis and recommendations: Timefold's recommendation API needs a construction heuristic first. */
    public static SolverConfig forAnalysis(long seed) {
        return new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(Workload.class)
                .withConstraintProviderClass(PlacementConstraintProvider.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withRandomSeed(seed)
                .withPhases(new ConstructionHeuristicPhaseConfig()
                        .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING));
    }

    /** Late acceptance over change, swap and (when weighted) ruin-and-recreate moves. */
    static LocalSearchPhaseConfig localSearch(double ruinRecreateWeight, int lateAcceptanceSize) {
        ChangeMoveSelectorConfig change = new ChangeMoveSelectorConfig();
        change.setFixedProbabilityWeight(CHANGE_WEIGHT);
        SwapMoveSelectorConfig swap = new SwapMoveSelectorConfig();
        swap.setFixedProbabilityWeight(SWAP_WEIGHT);
        List<MoveSelectorConfig> moves = new ArrayList<>(List.of(change, swap));
        if (ruinRecreateWeight > 0) {
            RuinRecreateMoveSelectorConfig ruin = new RuinRecreateMoveSelectorConfig()
                    .withMinimumRuinedCount(RUIN_MIN)
                    .withMaximumRuinedCount(RUIN_MAX);
            ruin.setFixedProbabilityWeight(ruinRecreateWeight);
            moves.add(ruin);
        }
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(
                        new UnionMoveSelectorConfig().withMoveSelectors(moves.toArray(MoveSelectorConfig[]::new)))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(lateAcceptanceSize))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }
}
