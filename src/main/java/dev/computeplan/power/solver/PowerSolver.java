package dev.computeplan.power.solver;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import dev.computeplan.common.SolveControl;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.PowerSolution.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Chooses the path (see docs/power.md):
 * <ol>
 *   <li>per-job optimum: if it holds the cap it is optimal (it is the optimum of a relaxation);</li>
 *   <li>otherwise greedy insertion + remove-and-reinsert, started from the warm start when it is valid;</li>
 *   <li>then, if the time-indexed model is small enough, that exact CP-SAT model hinted with the best schedule so far;</li>
 *   <li>else, up to {@link PowerSolverSettings#intervalMaxJobs()} jobs, all non-interruptible: the interval CP-SAT
 *       model, hinted;</li>
 *   <li>else: CP-SAT on windows of a few days with the other jobs fixed ({@link WindowSearch}), then the Lagrangian
 *       bound.</li>
 * </ol>
 */
public final class PowerSolver {

    /** What follows the local search. */
    private enum Route {
        TIME_INDEXED,
        INTERVAL,
        WINDOWS,
        BOUND_ONLY
    }

    /** Share of the limit the starting schedules may take; the local search and the exact models need the rest. */
    private static final double START_SHARE = 0.3;

    private static volatile boolean nativeLoaded;

    private final Clock clock;
    private final PowerSolverSettings settings;

    public PowerSolver(Clock clock) {
        this(clock, PowerSolverSettings.defaults());
    }

    public PowerSolver(Clock clock, PowerSolverSettings settings) {
        this.clock = clock;
        this.settings = settings;
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
        PowerInstance inst = PowerInstance.of(problem);
        CapHeuristic heuristic = new CapHeuristic(inst);
        Placement[] ideal = heuristic.perJobOptimum();
        long bound = heuristic.lowerBound(ideal);
        if (!heuristic.hasUnplaced(ideal) && heuristic.withinCap(ideal)) {
            PowerSolution optimum = SolutionMapper.toSolution(inst, ideal, "per-job-optimum", Status.OPTIMAL, bound);
            report(control, optimum);
            return optimum;
        }
        Instant startsUntil = solveStart.plusMillis((long) (control.timeLimit().toMillis() * START_SHARE));
        StartSchedules.Start start = new StartSchedules(inst, heuristic, clock).best(warmStart, startsUntil);
        AtomicReference<PowerSolution> best = new AtomicReference<>(SolutionMapper.toSolution(
                inst, start.schedule(), start.name(), statusOf(heuristic, start.schedule()), bound));
        report(control, best.get());
        Route route = route(inst);
        Placement[] improved =
                localSearch(inst, heuristic, start.schedule(), route, solveStart, deadline, control, best, bound);
        if (control.stopRequested()) {
            return best.get();
        }
        switch (route) {
            case INTERVAL:
                return intervalCpSat(inst, improved, bound, deadline, control, best);
            case TIME_INDEXED:
                return cpSat(inst, improved, bound, deadline, control, best);
            case WINDOWS:
                if (!heuristic.hasUnplaced(improved)) {
                    windows(inst, heuristic, improved, bound, solveStart, control, best);
                    if (control.stopRequested()) {
                        return best.get();
                    }
                }
                break;
            default:
                break;
        }
        // the rest of the time buys a better lower bound, so that the reported gap means something
        long lagrange = new LagrangeBound(PowerInstance.of(problem))
                .bound(
                        best.get().objectiveMicroUsd(),
                        Integer.MAX_VALUE,
                        () -> control.stopRequested() || clock.instant().isAfter(deadline));
        if (lagrange > bound) {
            best.set(withBound(best.get(), lagrange));
            report(control, best.get());
        }
        return best.get();
    }

    private Route route(PowerInstance inst) {
        if (PowerModel.size(inst) <= settings.cpSatMaxBools()) {
            return Route.TIME_INDEXED;
        }
        if (IntervalModel.covers(inst) && inst.jobs.length <= settings.intervalMaxJobs()) {
            return Route.INTERVAL;
        }
        if (inst.capped && Arrays.stream(inst.jobs).anyMatch(j -> !j.interruptible)) {
            return Route.WINDOWS;
        }
        return Route.BOUND_ONLY;
    }

    private double localSearchShare(Route route) {
        return switch (route) {
            case TIME_INDEXED -> settings.heuristicShare();
            case INTERVAL -> settings.intervalSearchShare();
            case WINDOWS -> settings.windowSearchShare();
            case BOUND_ONLY -> 1 - settings.boundShare();
        };
    }

    /** Improvement rounds, then ruin-and-recreate, for the route's share of the time left. */
    private Placement[] localSearch(
            PowerInstance inst,
            CapHeuristic heuristic,
            Placement[] start,
            Route route,
            Instant solveStart,
            Instant deadline,
            SolveControl control,
            AtomicReference<PowerSolution> best,
            long bound) {
        boolean useWindows = route == Route.WINDOWS;
        Instant windowsEarliest = solveStart.plus(control.timeLimit()
                .multipliedBy((long) (settings.windowMinShare() * 100))
                .dividedBy(100));
        double share = localSearchShare(route);
        Instant heuristicEnd = clock.instant()
                .plus(Duration.between(clock.instant(), deadline)
                        .multipliedBy((long) (share * 100))
                        .dividedBy(100));
        // with windows to follow, ruin-and-recreate also ends once it has found nothing better for a while
        AtomicReference<Instant> lastImproved = new AtomicReference<>(clock.instant());
        BooleanSupplier stop = () -> control.stopRequested()
                || clock.instant().isAfter(heuristicEnd)
                || useWindows
                        && clock.instant().isAfter(lastImproved.get().plus(settings.stall()))
                        && !clock.instant().isBefore(windowsEarliest);
        Consumer<Placement[]> onImproved = s -> {
            lastImproved.set(clock.instant());
            best.set(SolutionMapper.toSolution(inst, s, "greedy-repair", statusOf(heuristic, s), bound));
            report(control, best.get());
        };
        Placement[] improved = heuristic.improve(start.clone(), stop, onImproved);
        return heuristic.ruinAndRecreate(improved, settings.seed(), stop, onImproved);
    }

    /** CP-SAT on windows of a few days until the bound's share of the limit starts. */
    private void windows(
            PowerInstance inst,
            CapHeuristic heuristic,
            Placement[] improved,
            long bound,
            Instant solveStart,
            SolveControl control,
            AtomicReference<PowerSolution> best) {
        Instant windowsEnd = solveStart.plus(control.timeLimit()
                .multipliedBy(100 - (long) (settings.boundShare() * 100))
                .dividedBy(100));
        WindowSearch ws = new WindowSearch(inst, settings);
        ws.improve(
                improved,
                settings.seed(),
                control::stopRequested,
                () -> Duration.between(clock.instant(), windowsEnd).toMillis() / 1000.0,
                s -> {
                    best.set(SolutionMapper.toSolution(inst, s, "window-cp-sat", statusOf(heuristic, s), bound));
                    report(control, best.get());
                },
                control::onStop);
    }

    /** The interval model on the whole problem, hinted with the heuristic's schedule, for the rest of the limit. */
    private PowerSolution intervalCpSat(
            PowerInstance inst,
            Placement[] hint,
            long heuristicBound,
            Instant deadline,
            SolveControl control,
            AtomicReference<PowerSolution> best) {
        CapHeuristic heuristic = new CapHeuristic(inst);
        if (FullPowerFirst.applies(inst)) {
            double phase = settings.fullPowerShare()
                    * Duration.between(clock.instant(), deadline).toMillis()
                    / 1000.0;
            hint = FullPowerFirst.solve(
                    inst,
                    hint,
                    phase,
                    settings,
                    onFound(inst, "interval-cp-sat", heuristicBound, control, best),
                    control::onStop,
                    control::stopRequested);
            // a stop during the restricted phase ends the solve with what it found: the whole model's set-up alone
            // takes seconds
            if (control.stopRequested()) {
                return best.get();
            }
        }
        boolean placed = !heuristic.hasUnplaced(hint);
        IntervalModel model = IntervalModel.whole(inst)
                .withUpperBound(placed ? heuristic.total(hint) : Long.MAX_VALUE)
                .build();
        if (placed) {
            model.hint(hint);
        }
        // CP-SAT overshoots its limit on loaded cores: give it most of what is left, less time for reading and
        // mapping its answer
        double seconds = 0.9 * Duration.between(clock.instant(), deadline).toMillis() / 1000.0 - 0.3;
        IntervalSolve.Result r = IntervalSolve.run(
                model,
                new Placement[inst.jobs.length],
                seconds,
                settings,
                settings.seed(),
                onFound(inst, "interval-cp-sat", heuristicBound, control, best),
                control::onStop);
        if (r.found()) {
            long cost = heuristic.total(r.schedule());
            if (cost != r.objective()) {
                throw new IllegalStateException(
                        "interval model objective " + r.objective() + " differs from its schedule's cost " + cost);
            }
            long bound = r.status() == CpSolverStatus.OPTIMAL ? cost : Math.max(heuristicBound, r.bound());
            PowerSolution s = SolutionMapper.toSolution(
                    inst,
                    r.schedule(),
                    "interval-cp-sat",
                    Status.valueOf(r.status().name()),
                    bound);
            best.set(s.objectiveMicroUsd() <= best.get().objectiveMicroUsd() ? s : withBound(best.get(), bound));
        } else if (r.status() == CpSolverStatus.INFEASIBLE) {
            best.set(infeasible(best.get()));
        } else {
            best.set(withBound(best.get(), Math.max(heuristicBound, r.bound())));
        }
        return best.get();
    }

    private PowerSolution cpSat(
            PowerInstance inst,
            Placement[] hint,
            long heuristicBound,
            Instant deadline,
            SolveControl control,
            AtomicReference<PowerSolution> best) {
        loadNative();
        PowerModel model = new PowerModel(inst).build();
        if (!new CapHeuristic(inst).hasUnplaced(hint)) {
            model.hint(hint);
        }
        CpSolver solver = new CpSolver();
        double seconds =
                Math.max(0.1, Duration.between(clock.instant(), deadline).toMillis() / 1000.0);
        solver.getParameters()
                .setMaxTimeInSeconds(seconds)
                .setNumWorkers(settings.workers())
                .setRandomSeed(settings.seed());
        control.onStop(solver::stopSearch);
        AtomicReference<RuntimeException> callbackFailure = new AtomicReference<>();
        BiConsumer<Placement[], Long> onSolution = onFound(inst, "cp-sat", heuristicBound, control, best);
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
            long bound = status == CpSolverStatus.OPTIMAL
                    ? new CapHeuristic(inst).total(schedule)
                    : Math.max(heuristicBound, cpBound);
            PowerSolution s = SolutionMapper.toSolution(inst, schedule, "cp-sat", Status.valueOf(status.name()), bound);
            best.set(s.objectiveMicroUsd() <= best.get().objectiveMicroUsd() ? s : withBound(best.get(), bound));
        } else if (status == CpSolverStatus.INFEASIBLE) {
            best.set(infeasible(best.get()));
        }
        return best.get();
    }

    /** Keeps and reports each solution CP-SAT finds on the way that beats the best so far. */
    private static BiConsumer<Placement[], Long> onFound(
            PowerInstance inst,
            String method,
            long heuristicBound,
            SolveControl control,
            AtomicReference<PowerSolution> best) {
        return (schedule, cpBound) -> {
            PowerSolution s = SolutionMapper.toSolution(
                    inst, schedule, method, Status.FEASIBLE, Math.max(heuristicBound, cpBound));
            if (s.objectiveMicroUsd() < best.get().objectiveMicroUsd()) {
                best.set(s);
                report(control, s);
            }
        };
    }

    private static PowerSolution infeasible(PowerSolution b) {
        return new PowerSolution(
                b.method(),
                Status.INFEASIBLE,
                b.objectiveMicroUsd(),
                null,
                null,
                b.co2Kg(),
                b.energyKwh(),
                b.energyCostUsd(),
                b.penaltyUsd(),
                b.lateJobs(),
                b.droppedJobs(),
                b.jobs());
    }

    private static PowerSolution withBound(PowerSolution s, long bound) {
        Double gap = s.objectiveMicroUsd() == 0
                ? 0.0
                : Math.max(0.0, (s.objectiveMicroUsd() - bound) / (double) s.objectiveMicroUsd());
        return new PowerSolution(
                s.method(),
                gap == 0.0 ? Status.OPTIMAL : s.status(),
                s.objectiveMicroUsd(),
                bound,
                gap,
                s.co2Kg(),
                s.energyKwh(),
                s.energyCostUsd(),
                s.penaltyUsd(),
                s.lateJobs(),
                s.droppedJobs(),
                s.jobs());
    }

    private static Status statusOf(CapHeuristic heuristic, Placement[] schedule) {
        return heuristic.hasUnplaced(schedule) ? Status.INFEASIBLE : Status.FEASIBLE;
    }

    private static void report(SolveControl control, PowerSolution s) {
        control.newBest(s, scoreText(s));
    }

    public static String scoreText(PowerSolution s) {
        return String.format(
                Locale.ROOT,
                "%s objective=$%.6f co2=%.3fkg late=%d dropped=%d%s",
                s.status(),
                s.objectiveMicroUsd() / 1e6,
                s.co2Kg(),
                s.lateJobs(),
                s.droppedJobs(),
                s.gap() == null ? "" : String.format(Locale.ROOT, " gap=%.4f%%", 100 * s.gap()));
    }
}
