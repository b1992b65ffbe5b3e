package dev.computeplan.roadef;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.search.AnnealingPhase;
import dev.computeplan.placement.search.AnnealingShared;
import dev.computeplan.placement.search.ExchangePhase;
import dev.computeplan.placement.solver.PlacementSolverConfig;
import dev.computeplan.placement.solver.SolverOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Solves ROADEF with the placement engine itself: {@link RoadefMapper} onto its domain, the engine's own Timefold
 * configuration ({@link PlacementSolverConfig}), the best run mapped back. Runs with seeds seed, seed+1, ... use
 * the cores (Timefold's multithreaded move evaluation is not in the community edition); they meet once, half-way
 * ({@link #EXCHANGE_PATIENCE_SHARE}), see also {@link #LOOK_ALIKE_SHARES}.
 * The initial assignment is the starting solution, so the construction phase has nothing to do.
 */
public final class RoadefEngineSolver implements RoadefSolver {

    /** Time kept back from the limit for mapping, solver start-up and mapping back. */
    static final Duration OVERHEAD_MARGIN = Duration.ofMillis(300);

    static final Duration MINIMUM_SOLVE = Duration.ofMillis(200);
    static final Duration WATCHDOG_PERIOD = Duration.ofMillis(250);
    /**
     * No ruin-and-recreate: one such move re-scores every machine for each ruined process, which costs more than it
     * finds on ROADEF's tightly packed machines.
     */
    static final double RUIN_RECREATE_WEIGHT = 0.0;
    /**
     * One simulated annealing run per core, each with its own seed; the better answer wins. Run i takes the i-th
     * share (cyclically) of swap draws with a look-alike partner.
     */
    static final double[] LOOK_ALIKE_SHARES = {AnnealingPhase.SIMILAR_SHARE};
    /**
     * The runs meet after their first annealing phase and all go on from the best answer ({@link ExchangePhase}):
     * a first phase's outcome is mostly luck and a second phase mostly polishes its start, so two polishes of the
     * better start beat one polish of each. A run waits at most this share of the limit for the other.
     */
    static final double EXCHANGE_PATIENCE_SHARE = 0.05;
    /** Annealing phases per run, of equal length, the runs meeting between each two. */
    static final int SEARCHES = 2;
    /**
     * On instances with a transient resource each run's first annealing phase may overfill capacity at an adaptive
     * price on its way ({@code CapacityRelaxation}); its answers still keep it. A move off an initial machine locks
     * transient capacity there, which is what cuts a strict walk into pockets; without such a resource a strict walk
     * does better.
     */
    static final boolean RELAX_CAPACITY = true;
    /** A later annealing phase, and a relaxed first one, starts at this share of the initial cost. */
    static final double ANNEALING_TEMPERATURE_SHARE = 0.001;
    /**
     * Where capacity stays strict (no transient resource), each run's first phase starts this many times hotter; the
     * later phases, which polish the best first-phase answer, start at the share above. A relaxed walk needs no
     * extra heat: it already crosses between pockets through overfull nodes.
     */
    static final int STRICT_FIRST_HEAT = 10;
    /**
     * The share above suits clusters of up to this many machines. A move changes the cost of two machines, so its
     * size follows the cost per machine, not the total: on more machines the temperature shrinks in proportion
     * (else nearly every scored move is accepted and the search goes nowhere).
     */
    static final int TEMPERATURE_REFERENCE_MACHINES = 100;

    private final Clock clock;
    private final int threads;

    public RoadefEngineSolver(Clock clock, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.clock = clock;
        this.threads = threads;
    }

    @Override
    public int[] solve(RoadefInstance instance, Duration timeLimit, long seed) {
        return RoadefMapper.toAssignment(solvePlacement(instance, timeLimit, seed));
    }

    /** The best engine solution (with the engine's score) over the parallel runs. */
    public PlacementSolution solvePlacement(RoadefInstance instance, Duration timeLimit, long seed) {
        long deadline = clock.millis() + timeLimit.toMillis();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "roadef-engine");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PlacementSolution>> runs = new ArrayList<>();
            long temperature = startingTemperature(instance);
            List<ExchangePhase.Exchange> meetings = new ArrayList<>();
            for (int k = 1; threads > 1 && k < SEARCHES; k++) {
                meetings.add(new ExchangePhase.Exchange(
                        threads, Duration.ofMillis((long) (timeLimit.toMillis() * EXCHANGE_PATIENCE_SHARE))));
            }
            for (int i = 0; i < threads; i++) {
                long runSeed = seed + i;
                double lookAlikeShare = LOOK_ALIKE_SHARES[i % LOOK_ALIKE_SHARES.length];
                runs.add(pool.submit(
                        () -> solveOnce(instance, deadline, runSeed, lookAlikeShare, temperature, meetings)));
            }
            PlacementSolution best = null;
            for (Future<PlacementSolution> run : runs) {
                PlacementSolution s = run.get();
                if (best == null || s.getScore().compareTo(best.getScore()) > 0) {
                    best = s;
                }
            }
            return best;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("engine run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A unit over capacity starts at the price of a unit over safety capacity (the largest load cost weight), which
     * it also pays; 0 (strict) without relaxation or without a transient resource.
     */
    static double capacityPrice(RoadefInstance instance) {
        if (!RELAX_CAPACITY || !hasTransientResource(instance)) {
            return 0.0;
        }
        long weight = 1L;
        for (int r = 0; r < instance.resourceCount(); r++) {
            weight = Math.max(weight, instance.loadCostWeight(r));
        }
        return weight;
    }

    private static boolean hasTransientResource(RoadefInstance instance) {
        for (int r = 0; r < instance.resourceCount(); r++) {
            if (instance.isTransient(r)) {
                return true;
            }
        }
        return false;
    }

    static long startingTemperature(RoadefInstance instance) {
        return (long)
                (RoadefScorer.score(instance, instance.initialAssignment()).total()
                        * ANNEALING_TEMPERATURE_SHARE
                        * machineScale(instance.machineCount()));
    }

    /**
     * A first phase's starting temperature, given a later phase's and the capacity price ({@link #capacityPrice}):
     * hotter where capacity stays strict.
     */
    static long firstTemperature(double capacityPrice, long later) {
        return capacityPrice > 0.0 ? later : later * STRICT_FIRST_HEAT;
    }

    /** 1 up to the reference cluster size, then in inverse proportion to the number of machines. */
    static double machineScale(int machines) {
        return Math.min(1.0, TEMPERATURE_REFERENCE_MACHINES / (double) Math.max(1, machines));
    }

    private PlacementSolution solveOnce(
            RoadefInstance instance,
            long deadline,
            long seed,
            double lookAlikeShare,
            long temperature,
            List<ExchangePhase.Exchange> meetings) {
        PlacementSolution problem = RoadefMapper.toPlacement(instance, instance.initialAssignment());
        long left = deadline - clock.millis() - OVERHEAD_MARGIN.toMillis();
        Duration limit = Duration.ofMillis(Math.max(MINIMUM_SOLVE.toMillis(), left));
        double capacityPrice = capacityPrice(instance);
        long first = firstTemperature(capacityPrice, temperature);
        SolverOptions options = SolverOptions.builder(limit)
                .seed(seed)
                .ruinRecreateWeight(RUIN_RECREATE_WEIGHT)
                .search(PlacementSolverConfig.Search.SIMULATED_ANNEALING)
                .annealing(new AnnealingShared(first, temperature, lookAlikeShare, capacityPrice))
                .searches(SEARCHES)
                .meetings(meetings)
                .build();
        Solver<PlacementSolution> solver = SolverFactory.<PlacementSolution>create(
                        PlacementSolverConfig.create(options))
                .buildSolver();
        // The engine's spent limit starts after its set-up; on large instances that set-up is long, so also
        // stop it at the wall-clock deadline (it still finishes the step it is in, and its initial score).
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "roadef-engine-deadline");
            t.setDaemon(true);
            return t;
        });
        try {
            // repeated: a request made before the solver has started solving is not kept
            watchdog.scheduleAtFixedRate(
                    solver::terminateEarly,
                    Math.max(1, deadline - clock.millis()),
                    WATCHDOG_PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
            // No score recomputation afterwards (PlacementSolver does one for construction stopped mid-step; here
            // everything starts assigned, and on large instances it costs as much as the first score): the
            // exact scorer re-checks the answer anyway.
            return solver.solve(problem);
        } finally {
            watchdog.shutdownNow();
        }
    }
}
