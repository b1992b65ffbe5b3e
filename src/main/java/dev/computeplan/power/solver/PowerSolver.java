package dev.computeplan.power.solver;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import dev.computeplan.common.SolveControl;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Chooses the path (see docs/power.md):
 * <ol>
 *   <li>per-job optimum: if it holds the cap it is optimal (it is the optimum of a relaxation);</li>
 *   <li>otherwise greedy insertion + remove-and-reinsert, started from the warm start when it is valid;</li>
 *   <li>then, if the time-indexed model is small enough, that exact CP-SAT model hinted with the best schedule so far;</li>
 *   <li>else, up to {@link #INTERVAL_MAX_JOBS} jobs, all non-interruptible: the interval CP-SAT model, hinted;</li>
 *   <li>else: CP-SAT on windows of a few days with the other jobs fixed ({@link WindowSearch}), then the Lagrangian
 *       bound.</li>
 * </ol>
 */
public final class PowerSolver {

    /**
     * Above this many 0/1 variables the time-indexed CP-SAT model is not built (the interval model or the windows run
     * instead). Measured
     * on 2 cores: a 200-job week (58k 0/1 variables) spends ~7 s in presolve and finds nothing better than the hint
     * in 25 s, while ruin-and-recreate keeps improving (benchmarks/RESULTS.md).
     */
    public static final long CP_SAT_MAX_BOOLS = 30_000;
    /** Share of the time limit the heuristic gets before CP-SAT takes over. */
    static final double HEURISTIC_SHARE = 0.2;
    /** Without CP-SAT, share of the time limit spent raising the Lagrangian lower bound after the search. */
    static final double BOUND_SHARE = 0.25;
    /**
     * Up to this many jobs (all non-interruptible) the whole problem goes to the interval model once the time-indexed
     * one is too big. Measured at 200 jobs (a week: within 0.35% of the bound in 30 s); 300 allows 1.5× that, not
     * measured beyond. Above it the windows keep each CP-SAT model small.
     */
    public static final int INTERVAL_MAX_JOBS = 300;
    /**
     * Share of the limit the heuristic gets before the whole-problem interval model: on the 200-job week CP-SAT's own
     * large neighbourhoods beat ruin-and-recreate by far (RESULTS.md), so it gets most of the time.
     */
    static final double INTERVAL_SEARCH_SHARE = 0.2;
    /**
     * Share of the limit ruin-and-recreate may take before the window search (which then runs until the last 25%, kept
     * for the Lagrangian bound); it hands over earlier, but not before {@link #WINDOW_MIN_SHARE}, once it has stalled
     * for {@link #STALL}. Measured on the year: at equal time windows beat ruin-and-recreate slightly at full power
     * and lose to it with power levels, so they get only the time ruin-and-recreate no longer uses.
     */
    static final double WINDOW_SEARCH_SHARE = 1 - BOUND_SHARE;
    static final double WINDOW_MIN_SHARE = 0.3;
    static final Duration STALL = Duration.ofSeconds(3);
    static final int WORKERS = Integer.getInteger("computeplan.power.workers", 2);
    static final int SEED = 7;

    private static volatile boolean nativeLoaded;

    private final Clock clock;
    private final long cpSatMaxBools;
    private final double heuristicShare;
    private final int intervalMaxJobs;

    public PowerSolver(Clock clock) {
        this(clock, CP_SAT_MAX_BOOLS, HEURISTIC_SHARE);
    }

    public PowerSolver(Clock clock, long cpSatMaxBools, double heuristicShare) {
        this(clock, cpSatMaxBools, heuristicShare, INTERVAL_MAX_JOBS);
    }

    /**
     * @param cpSatMaxBools  the largest model CP-SAT is used for
     * @param heuristicShare share of the limit the local search gets before CP-SAT (0: CP-SAT right after the starts)
     * @param intervalMaxJobs the most jobs the whole-problem interval model is used for (above: CP-SAT windows)
     */
    public PowerSolver(Clock clock, long cpSatMaxBools, double heuristicShare, int intervalMaxJobs) {
        this.clock = clock;
        this.intervalMaxJobs = intervalMaxJobs;
        this.cpSatMaxBools = cpSatMaxBools;
        this.heuristicShare = heuristicShare;
    }

    static synchronized void loadNative() {
        if (!nativeLoaded) {
            Loader.loadNativeLibraries();
            nativeLoaded = true;
        }
    }

    /** The best schedule and how it was found; {@code newBest} is told of every improvement. */
    public PowerSolution solve(PowerProblem problem, PowerSolution warmStart, SolveControl control) {
        Instant solveStart = clock.instant();
        Instant deadline = solveStart.plus(control.timeLimit());
        Instant windowsEarliest = solveStart.plus(control.timeLimit().multipliedBy((long) (WINDOW_MIN_SHARE * 100)).dividedBy(100));
        PowerInstance inst = PowerInstance.of(problem);
        CapHeuristic heuristic = new CapHeuristic(inst);
        Placement[] ideal = heuristic.perJobOptimum();
        long bound = heuristic.lowerBound(ideal);
        if (!heuristic.hasUnplaced(ideal) && heuristic.withinCap(ideal)) {
            PowerSolution optimum = SolutionMapper.toSolution(inst, ideal, "per-job-optimum", "OPTIMAL", bound);
            report(control, optimum);
            return optimum;
        }
        Placement[] warm = SolutionMapper.fromSolution(inst, warmStart);
        boolean warmUsable = warm != null && !heuristic.hasUnplaced(warm) && heuristic.withinCap(warm)
                && WorkCheck.doesAllWork(inst, warm);
        // three starts, the cheapest wins: cost-aware EDF insertion, first-come-first-served, shift-then-repair
        Placement[] start = heuristic.greedy();
        String startName = "greedy";
        Placement[] fcfs = heuristic.earliestFit();
        if (heuristic.total(fcfs) < heuristic.total(start)) {
            start = fcfs;
            startName = "earliest-fit";
        }
        Placement[] shifted = heuristic.shiftThenRepair();
        if (heuristic.total(shifted) < heuristic.total(start)) {
            start = shifted;
            startName = "shift-then-repair";
        }
        if (warmUsable && heuristic.total(warm) <= heuristic.total(start)) {
            start = warm;
            startName = "warm-start";
        }
        AtomicReference<PowerSolution> best = new AtomicReference<>(
                SolutionMapper.toSolution(inst, start, startName, statusOf(heuristic, start), bound));
        report(control, best.get());
        boolean useCp = PowerModel.size(inst) <= cpSatMaxBools;
        boolean useInterval = !useCp && IntervalModel.covers(inst) && inst.jobs.length <= intervalMaxJobs;
        boolean useWindows = !useCp && !useInterval && inst.capped && Arrays.stream(inst.jobs).anyMatch(j -> !j.interruptible);
        double share = useCp ? heuristicShare : useInterval ? INTERVAL_SEARCH_SHARE : useWindows ? WINDOW_SEARCH_SHARE : 1 - BOUND_SHARE;
        Instant heuristicEnd = clock.instant().plus(Duration.between(clock.instant(), deadline).multipliedBy((long) (share * 100)).dividedBy(100));
        // with windows to follow, ruin-and-recreate also ends once it has found nothing better for STALL
        AtomicReference<Instant> lastImproved = new AtomicReference<>(clock.instant());
        java.util.function.BooleanSupplier stop = () -> control.stopRequested() || clock.instant().isAfter(heuristicEnd)
                || useWindows && clock.instant().isAfter(lastImproved.get().plus(STALL)) && !clock.instant().isBefore(windowsEarliest);
        java.util.function.Consumer<Placement[]> onImproved = s -> {
            lastImproved.set(clock.instant());
            best.set(SolutionMapper.toSolution(inst, s, "greedy-repair", statusOf(heuristic, s), bound));
            report(control, best.get());
        };
        Placement[] improved = heuristic.improve(start.clone(), stop, onImproved);
        improved = heuristic.ruinAndRecreate(improved, SEED, stop, onImproved);
        if (control.stopRequested()) {
            return best.get();
        }
        if (useInterval) {
            return intervalCpSat(inst, improved, bound, deadline, control, best);
        }
        if (useWindows && !heuristic.hasUnplaced(improved)) {
            Instant windowsEnd = solveStart.plus(control.timeLimit().multipliedBy(100 - (long) (BOUND_SHARE * 100)).dividedBy(100));
            WindowSearch ws = new WindowSearch(inst, WORKERS);
            ws.improve(improved, SEED, control::stopRequested,
                    () -> Duration.between(clock.instant(), windowsEnd).toMillis() / 1000.0,
                    s -> {
                        best.set(SolutionMapper.toSolution(inst, s, "window-cp-sat", statusOf(heuristic, s), bound));
                        report(control, best.get());
                    }, control::onStop);
            if (control.stopRequested()) {
                return best.get();
            }
        }
        if (!useCp) {
            // the rest of the time buys a better lower bound, so that the reported gap means something
            long lagrange = new LagrangeBound(PowerInstance.of(problem)).bound(best.get().objectiveMicroUsd(), Integer.MAX_VALUE,
                    () -> control.stopRequested() || clock.instant().isAfter(deadline));
            if (lagrange > bound) {
                best.set(withBound(best.get(), lagrange));
                report(control, best.get());
            }
            return best.get();
        }
        return cpSat(inst, improved, bound, deadline, control, best);
    }

    /** The interval model on the whole problem, hinted with the heuristic's schedule, for the rest of the limit. */
    private PowerSolution intervalCpSat(PowerInstance inst, Placement[] hint, long heuristicBound, Instant deadline,
                                        SolveControl control, AtomicReference<PowerSolution> best) {
        CapHeuristic heuristic = new CapHeuristic(inst);
        boolean placed = !heuristic.hasUnplaced(hint);
        IntervalModel model = IntervalModel.whole(inst).withUpperBound(placed ? heuristic.total(hint) : Long.MAX_VALUE).build();
        if (placed) {
            model.hint(hint);
        }
        // CP-SAT overshoots its limit by up to ~2 s on 2 loaded cores (measured on the week): give it 90% of what is
        // left, less 0.3 s for reading and mapping its answer
        double seconds = 0.9 * Duration.between(clock.instant(), deadline).toMillis() / 1000.0 - 0.3;
        IntervalSolve.Result r = IntervalSolve.run(model, new Placement[inst.jobs.length], seconds, WORKERS, SEED, (schedule, cpBound) -> {
            PowerSolution s = SolutionMapper.toSolution(inst, schedule, "interval-cp-sat", "FEASIBLE", Math.max(heuristicBound, cpBound));
            if (s.objectiveMicroUsd() < best.get().objectiveMicroUsd()) {
                best.set(s);
                report(control, s);
            }
        }, control::onStop);
        if (r.found()) {
            long cost = heuristic.total(r.schedule());
            if (cost != r.objective()) {
                throw new IllegalStateException("interval model objective " + r.objective() + " differs from its schedule's cost " + cost);
            }
            long bound = r.status() == CpSolverStatus.OPTIMAL ? cost : Math.max(heuristicBound, r.bound());
            PowerSolution s = SolutionMapper.toSolution(inst, r.schedule(), "interval-cp-sat", r.status().name(), bound);
            best.set(s.objectiveMicroUsd() <= best.get().objectiveMicroUsd() ? s : withBound(best.get(), bound));
        } else if (r.status() == CpSolverStatus.INFEASIBLE) {
            PowerSolution b = best.get();
            best.set(new PowerSolution(b.method(), "INFEASIBLE", b.objectiveMicroUsd(), null, null, b.co2Kg(), b.energyKwh(),
                    b.energyCostUsd(), b.penaltyUsd(), b.lateJobs(), b.droppedJobs(), b.jobs()));
        } else {
            best.set(withBound(best.get(), Math.max(heuristicBound, r.bound())));
        }
        return best.get();
    }

    private PowerSolution cpSat(PowerInstance inst, Placement[] hint, long heuristicBound, Instant deadline,
                                SolveControl control, AtomicReference<PowerSolution> best) {
        loadNative();
        PowerModel model = new PowerModel(inst).build();
        if (!new CapHeuristic(inst).hasUnplaced(hint)) {
            model.hint(hint);
        }
        CpSolver solver = new CpSolver();
        double seconds = Math.max(0.1, Duration.between(clock.instant(), deadline).toMillis() / 1000.0);
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(WORKERS).setRandomSeed(SEED);
        control.onStop(solver::stopSearch);
        AtomicReference<RuntimeException> callbackFailure = new AtomicReference<>();
        BiConsumer<Placement[], Long> onSolution = (schedule, cpBound) -> {
            PowerSolution s = SolutionMapper.toSolution(inst, schedule, "cp-sat", "FEASIBLE", Math.max(heuristicBound, cpBound));
            if (s.objectiveMicroUsd() < best.get().objectiveMicroUsd()) {
                best.set(s);
                report(control, s);
            }
        };
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                try {
                    onSolution.accept(model.extract(this::booleanValue), (long) Math.ceil(bestObjectiveBound()));
                } catch (RuntimeException e) {
                    // never lose it: stop the search and rethrow after solve() returns
                    callbackFailure.compareAndSet(null, e);
                    stopSearch();
                }
            }
        };
        CpSolverStatus status = solver.solve(model.model(), callback);
        if (callbackFailure.get() != null) {
            throw new IllegalStateException("reporting a CP-SAT solution failed", callbackFailure.get());
        }
        long cpBound = (long) Math.ceil(solver.bestObjectiveBound());
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            Placement[] schedule = model.extract(solver::booleanValue);
            long bound = status == CpSolverStatus.OPTIMAL ? new CapHeuristic(inst).total(schedule) : Math.max(heuristicBound, cpBound);
            PowerSolution s = SolutionMapper.toSolution(inst, schedule, "cp-sat", status.name(), bound);
            if (s.objectiveMicroUsd() <= best.get().objectiveMicroUsd()) {
                best.set(s);
            } else {
                best.set(withBound(best.get(), bound));
            }
        } else if (status == CpSolverStatus.INFEASIBLE) {
            PowerSolution b = best.get();
            best.set(new PowerSolution(b.method(), "INFEASIBLE", b.objectiveMicroUsd(), null, null, b.co2Kg(), b.energyKwh(),
                    b.energyCostUsd(), b.penaltyUsd(), b.lateJobs(), b.droppedJobs(), b.jobs()));
        }
        return best.get();
    }

    private static PowerSolution withBound(PowerSolution s, long bound) {
        Double gap = s.objectiveMicroUsd() == 0 ? 0.0 : Math.max(0.0, (s.objectiveMicroUsd() - bound) / (double) s.objectiveMicroUsd());
        return new PowerSolution(s.method(), gap == 0.0 ? "OPTIMAL" : s.status(), s.objectiveMicroUsd(), bound, gap, s.co2Kg(),
                s.energyKwh(), s.energyCostUsd(), s.penaltyUsd(), s.lateJobs(), s.droppedJobs(), s.jobs());
    }

    private static String statusOf(CapHeuristic heuristic, Placement[] schedule) {
        return heuristic.hasUnplaced(schedule) ? "INFEASIBLE" : "FEASIBLE";
    }

    private static void report(SolveControl control, PowerSolution s) {
        control.newBest(s, scoreText(s));
    }

    public static String scoreText(PowerSolution s) {
        return String.format(Locale.ROOT, "%s objective=$%.6f co2=%.3fkg late=%d dropped=%d%s", s.status(),
                s.objectiveMicroUsd() / 1e6, s.co2Kg(), s.lateJobs(), s.droppedJobs(),
                s.gap() == null ? "" : String.format(Locale.ROOT, " gap=%.4f%%", 100 * s.gap()));
    }
}
