package dev.computeplan.placement.solver;

import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicType;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
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

    /** Late acceptance list length: long enough to climb out of capacity plateaus, short enough to converge. */
    public static final int LATE_ACCEPTANCE_SIZE = 400;
    public static final double CHANGE_WEIGHT = 10.0;
    public static final double SWAP_WEIGHT = 10.0;
    public static final double RUIN_RECREATE_WEIGHT = 1.0;
    public static final int RUIN_MIN = 2;
    public static final int RUIN_MAX = 12;
    /** Tabu search: recently moved workloads stay put for this many steps. */
    public static final int ENTITY_TABU_SIZE = 7;
    /** Tabu search: moves evaluated per step; the best non-tabu one is taken. */
    public static final int TABU_ACCEPTED_COUNT = 4_000;
    /**
     * Swaps against change and ejection in simulated annealing ({@link AnnealingPhase}). On tightly packed clusters
     * a feasible swap is rare (a2_2: 1 random pair in 227; at weight 10 the swap draws took two thirds of the time
     * for 43 % of the scored moves), and at a fixed number of steps 2 did as well as 10, so in the same time
     * fewer swaps leave room for more moves (benchmarks/RESULTS.md).
     */
    public static final double ANNEALING_SWAP_WEIGHT = 2.0;
    /** Ejection moves against change and swap's weights (tabu search and simulated annealing only). */
    public static final double EJECTION_WEIGHT = 3.0;
    /** Share of the time limit for the first local search, before gangs get a second chance. */
    public static final int FIRST_SEARCH_PERCENT = 50;
    /** The second annealing phase draws other moves than the first. */
    static final long SECOND_SEARCH_SEED_OFFSET = 1_000_003L;

    private PlacementSolverConfig() {
    }

    /** Stops at {@code timeLimit} wall-clock time (and also on {@code unimprovedLimit} if not null). */
    public static SolverConfig create(Duration timeLimit, Duration unimprovedLimit, long seed, EnvironmentMode mode) {
        return create(timeLimit, unimprovedLimit, seed, mode, true);
    }

    /** As {@link #create(Duration, Duration, long, EnvironmentMode)}, with or without ruin-and-recreate moves. */
    public static SolverConfig create(Duration timeLimit, Duration unimprovedLimit, long seed, EnvironmentMode mode,
            boolean ruinRecreate) {
        return create(timeLimit, unimprovedLimit, seed, mode, ruinRecreate ? RUIN_RECREATE_WEIGHT : 0.0);
    }

    /**
     * As {@link #create(Duration, Duration, long, EnvironmentMode)}, with ruin-and-recreate picked with
     * {@code ruinRecreateWeight} against change and swap's {@link #CHANGE_WEIGHT} + {@link #SWAP_WEIGHT} (0 = none).
     */
    public static SolverConfig create(Duration timeLimit, Duration unimprovedLimit, long seed, EnvironmentMode mode,
            double ruinRecreateWeight) {
        return create(timeLimit, unimprovedLimit, seed, mode, ruinRecreateWeight, Search.LATE_ACCEPTANCE);
    }

    /**
     * How local search accepts moves. Late acceptance of single random moves suits GPU clusters with many free
     * slots; on tightly packed clusters (ROADEF) most random moves break a capacity, and evaluating a sample of
     * moves per step with a short tabu list found better solutions in the same time (benchmarks/RESULTS.md).
     */
    public enum Search { LATE_ACCEPTANCE, TABU, SIMULATED_ANNEALING }

    /** As {@link #create(Duration, Duration, long, EnvironmentMode, double)}, with the given acceptance. */
    public static SolverConfig create(Duration timeLimit, Duration unimprovedLimit, long seed, EnvironmentMode mode,
            double ruinRecreateWeight, Search search) {
        return create(timeLimit, unimprovedLimit, seed, mode, ruinRecreateWeight, search,
                new AnnealingPhase.Shared(0L, AnnealingPhase.SIMILAR_SHARE), 2, List.of());
    }

    /**
     * As above, in {@code searches} local search phases of equal length (at least 2; with 2 the first takes
     * {@link #FIRST_SEARCH_PERCENT}). With simulated annealing, {@code shared} holds what its phases share
     * ({@link AnnealingPhase.Shared}): the starting temperatures in soft units (a soft loss accepted with probability
     * 1/e at the start; the temperature falls to zero with the phase's time), the share of swap draws that take a
     * look-alike partner and the capacity price of a relaxed first phase. Parallel runs of one problem that share
     * {@code meetings} (empty, or one per gap between two searches, in order) meet there and all go on from the
     * best answer so far.
     */
    public static SolverConfig create(Duration timeLimit, Duration unimprovedLimit, long seed, EnvironmentMode mode,
            double ruinRecreateWeight, Search search, AnnealingPhase.Shared shared, int searches,
            List<ExchangePhase.Exchange> meetings) {
        if (searches < 2 || !(meetings.isEmpty() || meetings.size() == searches - 1)) {
            throw new IllegalArgumentException("need at least 2 searches and no meetings or one between each two");
        }
        TerminationConfig termination = new TerminationConfig().withSpentLimit(timeLimit);
        Duration first = searches == 2 ? timeLimit.multipliedBy(FIRST_SEARCH_PERCENT).dividedBy(100)
                : Duration.ofMillis(timeLimit.toMillis() / searches);
        if (unimprovedLimit != null) {
            termination.setUnimprovedSpentLimit(unimprovedLimit);
        }
        List<PhaseConfig> phases = new ArrayList<>(List.of(
                new CustomPhaseConfig().withCustomPhaseCommands(new GangPlacementPhase()),
                new CustomPhaseConfig().withCustomPhaseCommands(new QuickFitPhase()),
                new ConstructionHeuristicPhaseConfig()
                        .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                search(first, ruinRecreateWeight, search, shared, true, seed)
                        .withTerminationConfig(new TerminationConfig().withSpentLimit(first))));
        for (int k = 1; k < searches; k++) {
            if (!meetings.isEmpty()) {
                phases.add(new CustomPhaseConfig().withCustomPhaseCommands(new ExchangePhase(meetings.get(k - 1))));
            }
            // Local search may have freed room a pending gang now fits in; single moves cannot place it.
            phases.add(new CustomPhaseConfig().withCustomPhaseCommands(new GangPlacementPhase()));
            boolean last = k == searches - 1;
            PhaseConfig<?> next = search(last ? timeLimit.minus(first.multipliedBy(k)) : first, ruinRecreateWeight,
                    search, shared, false, seed + k * SECOND_SEARCH_SEED_OFFSET);
            phases.add(last ? next : next.withTerminationConfig(new TerminationConfig().withSpentLimit(first)));
        }
        return new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(Workload.class)
                .withScoreDirectorFactory(scoreDirector(mode))
                .withEnvironmentMode(mode)
                .withRandomSeed(seed)
                .withTerminationConfig(termination)
                .withPhaseList(phases);
    }

    /**
     * Simulated annealing runs as {@link AnnealingPhase} on the incremental score directly (about 2.5 times the
     * scored moves per second of Timefold's local search on ROADEF, benchmarks/RESULTS.md); the other searches are
     * Timefold local search phases. {@code budget} is the span over which the annealing temperature falls to zero.
     */
    static PhaseConfig<?> search(Duration budget, double ruinRecreateWeight, Search search,
            AnnealingPhase.Shared shared, boolean first, long seed) {
        if (search == Search.SIMULATED_ANNEALING) {
            double total = CHANGE_WEIGHT + ANNEALING_SWAP_WEIGHT + EJECTION_WEIGHT;
            return new CustomPhaseConfig().withCustomPhaseCommands(new AnnealingPhase(budget, shared, first,
                    seed, ANNEALING_SWAP_WEIGHT / total, EJECTION_WEIGHT / total));
        }
        return localSearch(ruinRecreateWeight, search);
    }

    /**
     * Solving scores with the hand-kept {@link PlacementIncrementalScore}; in the assert environment modes Timefold
     * re-checks every step against the constraint provider, which stays the reference for the rules.
     */
    public static ScoreDirectorFactoryConfig scoreDirector(EnvironmentMode mode) {
        ScoreDirectorFactoryConfig config = new ScoreDirectorFactoryConfig()
                .withIncrementalScoreCalculatorClass(PlacementIncrementalScore.class);
        return mode.isStepAssertOrMore() ? config.withAssertionScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                .withConstraintProviderClass(PlacementConstraintProvider.class)) : config;
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

    static LocalSearchPhaseConfig localSearch(double ruinRecreateWeight, Search search) {
        ChangeMoveSelectorConfig change = new ChangeMoveSelectorConfig();
        change.setFixedProbabilityWeight(CHANGE_WEIGHT);
        SwapMoveSelectorConfig swap = new SwapMoveSelectorConfig();
        swap.setFixedProbabilityWeight(SWAP_WEIGHT);
        // Tabu search looks for the best feasible moves: moves that clearly break a capacity need not be scored,
        // and ejection moves give it compound moves to choose from (AnnealingPhase does the same on its own).
        boolean feasibleSearch = search != Search.LATE_ACCEPTANCE;
        if (feasibleSearch) {
            change.setFilterClass(FeasibleMoveFilters.Change.class);
            swap.setFilterClass(FeasibleMoveFilters.Swap.class);
        }
        RuinRecreateMoveSelectorConfig ruin = new RuinRecreateMoveSelectorConfig()
                .withMinimumRuinedCount(RUIN_MIN).withMaximumRuinedCount(RUIN_MAX);
        ruin.setFixedProbabilityWeight(ruinRecreateWeight);
        List<MoveSelectorConfig> moves = new ArrayList<>(List.of(change, swap));
        if (ruinRecreateWeight > 0) {
            moves.add(ruin);
        }
        if (feasibleSearch) {
            MoveIteratorFactoryConfig ejection = new MoveIteratorFactoryConfig()
                    .withMoveIteratorFactoryClass(EjectionMoveFactory.class);
            ejection.setFixedProbabilityWeight(EJECTION_WEIGHT);
            moves.add(ejection);
        }
        return new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(moves.toArray(MoveSelectorConfig[]::new)))
                .withAcceptorConfig(switch (search) {
                    case TABU -> new LocalSearchAcceptorConfig().withEntityTabuSize(ENTITY_TABU_SIZE);
                    case SIMULATED_ANNEALING -> throw new IllegalArgumentException("annealing runs as AnnealingPhase");
                    case LATE_ACCEPTANCE -> new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE);
                })
                .withForagerConfig(new LocalSearchForagerConfig()
                        .withAcceptedCountLimit(search == Search.TABU ? TABU_ACCEPTED_COUNT : 1));
    }
}
