package dev.computeplan.placement.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.search.FinalFill;
import dev.computeplan.placement.search.PutBackPolish;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs Timefold on a placement problem: time limit, early stop, and each new best solution reported. */
public final class PlacementSolver {

    /**
     * Building a factory analyses the domain and compiles the constraints (about a second); solves with the same
     * options (the usual case: one default time limit) reuse it. Few distinct keys exist.
     */
    private final Map<List<Object>, SolverFactory<PlacementSolution>> factories = new ConcurrentHashMap<>();

    private static final Logger LOG = LoggerFactory.getLogger(PlacementSolver.class);
    private static final long WATCHDOG_PERIOD_NANOS = 50_000_000L;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "placement-deadline");
        t.setDaemon(true);
        return t;
    });
    private final PlacementSolverSettings settings;

    public PlacementSolver(PlacementSolverSettings settings) {
        this.settings = settings;
    }

    public PlacementSolverSettings settings() {
        return settings;
    }

    /**
     * For score analysis and recommendations (no solving): one shared, thread-safe manager. Its factory is built
     * once per process; it depends on no setting (its construction heuristic draws nothing at random).
     */
    public static SolutionManager<PlacementSolution, HardMediumSoftLongScore> solutionManager() {
        return Analysis.MANAGER;
    }

    private static final class Analysis {
        static final SolutionManager<PlacementSolution, HardMediumSoftLongScore> MANAGER =
                SolutionManager.create(SolverFactory.create(PlacementSolverConfig.forAnalysis(
                        PlacementSolverSettings.defaults().seed())));
    }

    /**
     * @param problem  initialised with warm-start/current nodes where known
     * @param limit    wall-clock budget of the solve and the steps after it (final fill, polish, re-score)
     * @param onStop   receives the early-termination hook to call when the job is stopped
     * @param onNewBest receives every new best solution (a clone owned by the receiver)
     */
    public PlacementSolution solve(
            PlacementSolution problem,
            Duration limit,
            Consumer<Runnable> onStop,
            Consumer<PlacementSolution> onNewBest) {
        return solve(problem, limit, null, EnvironmentMode.REPRODUCIBLE, onStop, onNewBest);
    }

    public PlacementSolution solve(
            PlacementSolution problem,
            Duration limit,
            Duration unimprovedLimit,
            EnvironmentMode mode,
            Consumer<Runnable> onStop,
            Consumer<PlacementSolution> onNewBest) {
        Duration reserve =
                settings.timeSplit().finishReserve(limit, problem.getWorkloads().size());
        return solve(
                problem,
                options(problem, limit.minus(reserve))
                        .unimprovedLimit(unimprovedLimit)
                        .mode(mode)
                        .build(),
                onStop,
                onNewBest);
    }

    /**
     * The options this solver uses for {@code problem} under {@code limit}: its seed and tuning from the settings, and
     * the search the engine settings choose for the problem's shape ({@link AnnealingRuns#anneal}).
     */
    public SolverOptions.Builder options(PlacementSolution problem, Duration limit) {
        return SolverOptions.builder(limit)
                .seed(settings.seed())
                .settings(settings)
                .search(
                        AnnealingRuns.anneal(problem, settings.engine())
                                ? PlacementSolverConfig.Search.SIMULATED_ANNEALING
                                : PlacementSolverConfig.Search.LATE_ACCEPTANCE)
                .ruinRecreate(problem.getNodes().size() <= settings.ruinRecreateMaxNodes());
    }

    /**
     * Solves with explicit options (e.g. a step limit in tests), then polishes and re-scores the answer. With
     * simulated annealing, the engine's parallel runs ({@link AnnealingRuns}) solve copies of the problem and the
     * best answer goes on.
     */
    public PlacementSolution solve(
            PlacementSolution problem,
            SolverOptions options,
            Consumer<Runnable> onStop,
            Consumer<PlacementSolution> onNewBest) {
        long start = System.nanoTime();
        if (problem.getWorkloads().isEmpty()) {
            problem.setScore(FinalFill.apply(problem, () -> true));
            return problem;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        List<Solver<PlacementSolution>> solvers = new CopyOnWriteArrayList<>();
        onStop.accept(() -> {
            stopped.set(true);
            solvers.forEach(Solver::terminateEarly);
        });
        if (stopped.get()) {
            // Stopped before it started: Timefold would reset the early-termination flag when solving starts.
            problem.setScore(FinalFill.apply(problem, () -> true));
            return problem;
        }
        long end = start + options.timeLimit().toNanos();
        PlacementSolution best = problem;
        if (options.stepLimit() == 0
                && problem.getWorkloads().size() >= settings.timeSplit().prefillMinWorkloads()) {
            FinalFill.apply(problem, () -> stopped.get() || System.nanoTime() - end > 0);
        }
        // Timefold's own set-up on a large problem is not interruptible: started too late, it would overrun.
        if (end - System.nanoTime()
                > 2 * settings.timeSplit().setUpNanos(problem.getWorkloads().size())) {
            List<SolverOptions> runs = options.search() == PlacementSolverConfig.Search.SIMULATED_ANNEALING
                    ? AnnealingRuns.options(problem, options, settings.engine(), options.timeLimit())
                    : List.of(options);
            BestReports reports = new BestReports(onNewBest);
            for (SolverOptions run : runs) {
                if (run.annealing() != null) {
                    run.annealing().onProgress(settings.engine().progressInterval(), reports::offer);
                }
                Solver<PlacementSolution> solver = buildSolver(run, start);
                solver.addEventListener(event -> reports.offer(event.getNewBestSolution()));
                solvers.add(solver);
            }
            if (stopped.get()) {
                solvers.forEach(Solver::terminateEarly);
            }
            best = solvers.size() == 1
                    ? solveBy(solvers.get(0), problem, end, WATCHDOG)
                    : ParallelRuns.solve(solvers, problem, end, WATCHDOG);
        }
        long searched = System.nanoTime();
        PutBackPolish.apply(best);
        long polished = System.nanoTime();
        best.setScore(finalFill(best, options, start, stopped));
        LOG.info(
                "Solver {} ms ({} run(s), {}), put-back polish {} ms, final fill {} ms",
                (searched - start) / 1_000_000,
                Math.max(1, solvers.size()),
                options.search(),
                (polished - searched) / 1_000_000,
                (System.nanoTime() - polished) / 1_000_000);
        return best;
    }

    private HardMediumSoftLongScore finalFill(
            PlacementSolution best, SolverOptions options, long start, AtomicBoolean stopped) {
        // The fill may use half the reserve kept back from the limit, and gets it even when the search ran over (a
        // step of Timefold's ends after its limit); the other half is for mapping the answer back and the
        // independent check that follow inside the job's limit. A stop ends the fill at once.
        long reserve = settings.timeSplit()
                        .finishReserve(options.timeLimit(), best.getWorkloads().size())
                        .toNanos()
                / 2;
        long fillDeadline = Math.max(start + options.timeLimit().toNanos() + reserve, System.nanoTime() + reserve);
        // Stopped inside the construction heuristic, the returned best solution can carry the score of a
        // half-evaluated step: the fill's own score of the answer replaces it.
        return FinalFill.apply(best, () -> stopped.get() || System.nanoTime() > fillDeadline);
    }

    /** A solver for {@code options} whose limit counts from {@code start}: building a factory is taken out of it. */
    private Solver<PlacementSolution> buildSolver(SolverOptions options, long start) {
        SolverFactory<PlacementSolution> factory = factory(options);
        TerminationConfig termination = new TerminationConfig()
                .withSpentLimit(Duration.ofMillis(
                        Math.max(1L, options.timeLimit().toMillis() - (System.nanoTime() - start) / 1_000_000)));
        if (options.unimprovedLimit() != null) {
            termination.setUnimprovedSpentLimit(options.unimprovedLimit());
        }
        return factory.buildSolver(new SolverConfigOverride<PlacementSolution>().withTerminationConfig(termination));
    }

    /** Hands on each new best of any run that beats every best handed on before (runs report concurrently). */
    private static final class BestReports {
        private final Consumer<PlacementSolution> onNewBest;
        private HardMediumSoftLongScore best;

        BestReports(Consumer<PlacementSolution> onNewBest) {
            this.onNewBest = onNewBest;
        }

        synchronized void offer(PlacementSolution newBest) {
            if (best == null || newBest.getScore().compareTo(best) > 0) {
                best = newBest.getScore();
                onNewBest.accept(newBest);
            }
        }
    }

    /**
     * Timefold checks its limit between steps and counts from its own start; this also stops it at {@code deadline}
     * whatever the steps and the set-up took (repeated: a request made before solving starts is not kept).
     */
    static PlacementSolution solveBy(
            Solver<PlacementSolution> solver,
            PlacementSolution problem,
            long deadline,
            ScheduledExecutorService watchdogs) {
        ScheduledFuture<?> watchdog = watchdogs.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() - deadline >= 0) {
                        solver.terminateEarly();
                    }
                },
                Math.max(0L, deadline - System.nanoTime()),
                WATCHDOG_PERIOD_NANOS,
                TimeUnit.NANOSECONDS);
        try {
            return solver.solve(problem);
        } finally {
            watchdog.cancel(false);
        }
    }

    /** Annealing phases and meetings carry per-run state, so only factories without them are shared. */
    private SolverFactory<PlacementSolution> factory(SolverOptions options) {
        if (options.search() == PlacementSolverConfig.Search.SIMULATED_ANNEALING
                || !options.meetings().isEmpty()) {
            return SolverFactory.create(PlacementSolverConfig.create(options));
        }
        if (factories.size() > settings.factoryCacheSize()) {
            factories.clear();
        }
        List<Object> key = List.of(
                options.timeLimit(),
                String.valueOf(options.unimprovedLimit()),
                options.mode(),
                options.ruinRecreateWeight(),
                options.search(),
                options.searches(),
                options.seed(),
                options.lateAcceptanceSize(),
                options.firstSearchPercent(),
                options.stepLimit(),
                options.gangPercent(),
                options.constructionPercent());
        return factories.computeIfAbsent(key, k -> SolverFactory.create(PlacementSolverConfig.create(options)));
    }
}
