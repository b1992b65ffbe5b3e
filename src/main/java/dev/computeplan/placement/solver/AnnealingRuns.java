package dev.computeplan.placement.solver;

import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.search.AnnealingShared;
import dev.computeplan.placement.search.ExchangePhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of the parallel annealing runs of one solve: run i has seed + i, all share the meetings between their
 * two annealing phases ({@link ExchangePhase}: a first phase's outcome is mostly luck and a second phase mostly
 * polishes its start, so two polishes of the better start beat one polish of each), and every run starts at the
 * same temperatures, scaled from the problem's initial soft cost and its number of nodes.
 */
final class AnnealingRuns {

    /** Annealing phases per run; the runs meet between the two. */
    static final int SEARCHES = 2;

    private AnnealingRuns() {}

    /** Whether {@code problem} gets the annealing search under {@code engine} (AUTO: a shape rule). */
    static boolean anneal(PlacementSolution problem, PlacementEngineSettings engine) {
        return switch (engine.search()) {
            case ANNEALING -> true;
            case LATE_ACCEPTANCE -> false;
            case AUTO -> pendingPercent(problem) <= engine.annealingMaxPendingPercent();
        };
    }

    /** Share (percent) of the workloads that start without a node. */
    static double pendingPercent(PlacementSolution problem) {
        List<Workload> workloads = problem.getWorkloads();
        if (workloads.isEmpty()) {
            return 0.0;
        }
        long pending = workloads.stream().filter(w -> w.getNode() == null).count();
        return 100.0 * pending / workloads.size();
    }

    /** One option set per run, from {@code base} (time or step limit, mode, seed, phase shares). */
    static List<SolverOptions> options(
            PlacementSolution problem, SolverOptions base, PlacementEngineSettings engine, Duration timeLimit) {
        int threads = engine.threads();
        List<ExchangePhase.Exchange> meetings = new ArrayList<>();
        for (int k = 1; threads > 1 && k < SEARCHES; k++) {
            meetings.add(new ExchangePhase.Exchange(
                    threads, Duration.ofMillis(timeLimit.toMillis() * engine.exchangePatiencePercent() / 100)));
        }
        long later = laterTemperature(problem, engine);
        double price = capacityPrice(problem, engine);
        long first = price > 0.0 ? later : later * engine.strictFirstHeat();
        List<SolverOptions> runs = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            runs.add(base.toBuilder()
                    .seed(base.seed() + i)
                    .ruinRecreateWeight(0.0)
                    .search(PlacementSolverConfig.Search.SIMULATED_ANNEALING)
                    .annealing(new AnnealingShared(first, later, engine.lookAlikeShare(), price))
                    .searches(SEARCHES)
                    .meetings(meetings)
                    .build());
        }
        return runs;
    }

    /**
     * A later phase's starting temperature: the share of the initial soft cost, scaled down on large clusters and
     * on many workloads (a move's size follows the cost per node and per workload, not the total).
     */
    static long laterTemperature(PlacementSolution problem, PlacementEngineSettings engine) {
        PlacementIncrementalScore score = new PlacementIncrementalScore();
        score.resetWorkingSolution(problem);
        long cost = Math.abs(score.calculateScore().softScore());
        return (long) (cost
                * engine.temperatureShare()
                * engine.sizeScale(
                        problem.getNodes().size(), problem.getWorkloads().size()));
    }

    /**
     * A unit over capacity starts at the price of a unit over safety capacity (the largest load cost weight), which
     * it also pays; 0 (strict) without relaxation or without a transient resource: a move off a current node locks
     * transient capacity there, which cuts a strict walk into pockets; without one a strict walk does better.
     */
    static double capacityPrice(PlacementSolution problem, PlacementEngineSettings engine) {
        if (!engine.relaxCapacity() || problem.getResources().stream().noneMatch(Resource::transientUsage)) {
            return 0.0;
        }
        long weight = 1L;
        for (Resource r : problem.getResources()) {
            weight = Math.max(weight, r.loadCostWeight());
        }
        return weight;
    }
}
