package dev.computeplan.power.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import dev.computeplan.common.SolveControl;
import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.PowerFixtures;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The interval model against the time-indexed model, the independent checker, and the heuristic's schedules. */
class IntervalModelTest {

    private static final List<PowerLevel> LEVELS =
            List.of(new PowerLevel("300W", 1.0, 300), new PowerLevel("200W", 0.7, 190));

    @BeforeAll
    static void load() {
        Loader.loadNativeLibraries();
    }

    /** Non-interruptible 1-3 GPU jobs over {@code steps} hours, each may be late ($1/h) or dropped ($5)
     * (so every instance is feasible), a tight cap. */
    static PowerProblem capped(long seed, int steps, int jobs, double capKw) {
        Random rnd = new Random(seed);
        double[] carbon = new double[steps];
        for (int t = 0; t < steps; t++) {
            carbon[t] = 50 + rnd.nextInt(400);
        }
        List<PowerJob> list = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            int release = rnd.nextInt(steps / 2);
            int deadline = Math.min(steps, release + 3 + rnd.nextInt(steps / 3));
            int gpus = 1 + rnd.nextInt(3);
            boolean mayBeLate = rnd.nextBoolean();
            list.add(new PowerJob(
                    "j" + j,
                    PowerFixtures.at(release),
                    PowerFixtures.at(deadline),
                    gpus * (1 + rnd.nextInt(3)),
                    gpus,
                    false,
                    0,
                    0,
                    LEVELS,
                    null,
                    1 + rnd.nextInt(2),
                    mayBeLate,
                    !mayBeLate || rnd.nextInt(4) == 0));
        }
        return new PowerProblem(PowerFixtures.hourly(carbon, capKw), list, PowerFixtures.CO2_ONLY);
    }

    record Solved(Placement[] schedule, CpSolverStatus status, long objective, long bound) {}

    /** One worker and a deterministic-time limit: the same answer whatever the load of the machine. */
    static Solved solve(PowerInstance inst, IntervalModel model, double deterministicSeconds) {
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxDeterministicTime(deterministicSeconds)
                .setNumWorkers(1)
                .setRandomSeed(1)
                .setCpModelProbingLevel(0);
        CpSolverStatus status = solver.solve(model.model());
        assertTrue(
                status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE,
                () -> status + " " + model.model().validate());
        Placement[] schedule = new Placement[inst.jobs.length];
        model.extract(solver::booleanValue, solver::value, schedule);
        return new Solved(
                schedule, status, Math.round(solver.objectiveValue()), (long) Math.ceil(solver.bestObjectiveBound()));
    }

    private static void assertChecked(PowerProblem p, PowerInstance inst, Placement[] s, long objective) {
        ScheduleChecker.Report r = ScheduleChecker.check(
                p,
                SolutionMapper.toSolution(
                        inst, s, "interval", dev.computeplan.power.model.PowerSolution.Status.FEASIBLE, null));
        assertTrue(r.feasible(), r.violations()::toString);
        // the checker recomputes the objective in doubles from the JSON schedule: rounding differs by < 1 µ$ per job
        assertEquals(objective / 1e6, r.objectiveUsd(), 1e-6 * inst.jobs.length);
    }

    @Test
    void intervalOptimumEqualsTheTimeIndexedOptimumAndItsObjectiveTheRecalculation() {
        for (long seed = 1; seed <= 4; seed++) {
            PowerProblem p = capped(seed, 16, 5, 0.7);
            PowerInstance inst = PowerInstance.of(p);
            Solved interval = solve(inst, IntervalModel.whole(inst).build(), 3);
            assertEquals(CpSolverStatus.OPTIMAL, interval.status(), "seed " + seed);
            assertEquals(interval.objective(), Costs.total(inst, interval.schedule()), "seed " + seed);
            assertChecked(p, inst, interval.schedule(), interval.objective());

            CpSolver solver = new CpSolver();
            solver.getParameters().setMaxDeterministicTime(3).setNumWorkers(1).setRandomSeed(1);
            PowerModel timeIndexed = new PowerModel(inst).build();
            assertEquals(CpSolverStatus.OPTIMAL, solver.solve(timeIndexed.model()));
            assertEquals(Math.round(solver.objectiveValue()), interval.objective(), "seed " + seed);
        }
    }

    @Test
    void startsPrunedByAKnownScheduleKeepTheOptimumAndTheHintIsAccepted() {
        for (long seed = 7; seed <= 10; seed++) {
            PowerProblem p = capped(seed, 20, 7, 0.8);
            PowerInstance inst = PowerInstance.of(p);
            CapHeuristic h = new CapHeuristic(inst);
            Placement[] heuristic = h.greedy();
            long upper = h.total(heuristic);
            Solved full = solve(inst, IntervalModel.whole(inst).build(), 3);
            IntervalModel pruned =
                    IntervalModel.whole(inst).withUpperBound(upper).build();
            pruned.hint(heuristic);
            Solved cut = solve(inst, pruned, 3);
            assertEquals(CpSolverStatus.OPTIMAL, cut.status(), "seed " + seed);
            assertEquals(full.objective(), cut.objective(), "seed " + seed);
            assertTrue(cut.objective() <= upper);
        }
    }

    @Test
    void theBoundIsNeverAboveAFeasibleScheduleAndTheObjectiveIsTheRecalculation() {
        // larger: CP-SAT stops at its (deterministic) limit, possibly FEASIBLE with a gap
        PowerProblem p = capped(3, 40, 30, 1.5);
        PowerInstance inst = PowerInstance.of(p);
        CapHeuristic h = new CapHeuristic(inst);
        Placement[] heuristic = h.improve(h.greedy(), () -> false, x -> {});
        assertTrue(!h.hasUnplaced(heuristic));
        IntervalModel model =
                IntervalModel.whole(inst).withUpperBound(h.total(heuristic)).build();
        model.hint(heuristic);
        Solved s = solve(inst, model, 0.5);
        assertTrue(s.status() == CpSolverStatus.OPTIMAL || s.status() == CpSolverStatus.FEASIBLE, s.status()::toString);
        assertEquals(s.objective(), Costs.total(inst, s.schedule()));
        assertChecked(p, inst, s.schedule(), s.objective());
        assertTrue(s.bound() <= h.total(heuristic), s.bound() + " > heuristic " + h.total(heuristic));
        assertTrue(s.bound() <= s.objective());
        assertTrue(s.objective() <= h.total(heuristic));
    }

    @Test
    void windowSearchKeepsEveryConstraintAndNeverWorsens() {
        PowerProblem p = capped(5, 72, 40, 1.2);
        PowerInstance inst = PowerInstance.of(p);
        CapHeuristic h = new CapHeuristic(inst);
        Placement[] start = h.greedy();
        long before = h.total(start);
        WindowSearch search = new WindowSearch(inst, PowerSolverSettings.defaults(), 24, 15, 0.5);
        List<Long> reported = new ArrayList<>();
        Placement[] after = search.improve(
                start.clone(), 3, () -> search.windows() >= 6, () -> 10.0, s -> reported.add(h.total(s)), stop -> {});
        assertEquals(6, search.windows());
        assertTrue(h.total(after) <= before);
        assertTrue(h.withinCap(after));
        assertChecked(p, inst, after, h.total(after));
        for (int i = 1; i < reported.size(); i++) {
            assertTrue(reported.get(i) < reported.get(i - 1), "each report improves");
        }
    }

    @Test
    @Tag("slow")
    void theSolverUsesTheIntervalModelAboveTheTimeIndexedSizeAndItsAnswerPassesTheCheck() {
        PowerProblem p = capped(9, 48, 30, 1.2);
        PowerSolution s = new PowerSolver(
                        Clock.systemUTC(),
                        PowerSolverSettings.defaults().withCpSatMaxBools(0).withIntervalMaxJobs(1000))
                .solve(p, null, SolveControl.withTimeLimit(Duration.ofSeconds(2)));
        ScheduleChecker.Report r = ScheduleChecker.check(p, s);
        assertTrue(r.feasible(), r.violations()::toString);
        assertEquals(
                s.objectiveMicroUsd() / 1e6, r.objectiveUsd(), 1e-6 * p.jobs().size());
        assertTrue(s.boundMicroUsd() != null && s.boundMicroUsd() <= s.objectiveMicroUsd());
        PowerInstance inst = PowerInstance.of(p);
        CapHeuristic h = new CapHeuristic(inst);
        assertTrue(s.objectiveMicroUsd() <= h.total(h.greedy()), "no worse than the greedy start");
    }

    @Test
    @Tag("slow")
    void theSolverUsesWindowsAboveTheIntervalSizeAndItsAnswerPassesTheCheck() {
        PowerProblem p = capped(4, 72, 40, 1.2);
        PowerSolution s = new PowerSolver(
                        Clock.systemUTC(),
                        PowerSolverSettings.defaults().withCpSatMaxBools(0).withIntervalMaxJobs(0))
                .solve(p, null, SolveControl.withTimeLimit(Duration.ofSeconds(2)));
        ScheduleChecker.Report r = ScheduleChecker.check(p, s);
        assertTrue(r.feasible(), r.violations()::toString);
        assertEquals(
                s.objectiveMicroUsd() / 1e6, r.objectiveUsd(), 1e-6 * p.jobs().size());
        assertTrue(s.boundMicroUsd() != null && s.boundMicroUsd() <= s.objectiveMicroUsd());
    }

    @Test
    @Tag("slow")
    void aStopRequestDuringTheIntervalModelEndsTheSolveWithACheckedSchedule() throws Exception {
        // 5 s limit: the heuristic has the first second, CP-SAT the rest; the stop comes at 2 s
        PowerProblem p = capped(6, 96, 80, 1.5);
        dev.computeplan.common.SimpleSolveControl control =
                new dev.computeplan.common.SimpleSolveControl(Duration.ofSeconds(5));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            control.requestStop();
        });
        long t0 = System.nanoTime();
        stopper.start();
        PowerSolution s = new PowerSolver(
                        Clock.systemUTC(),
                        PowerSolverSettings.defaults().withCpSatMaxBools(0).withIntervalMaxJobs(1000))
                .solve(p, null, control);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stopper.join();
        assertTrue(seconds < 4, "took " + seconds + " s after a stop at 2 s of a 5 s limit");
        ScheduleChecker.Report r = ScheduleChecker.check(p, s);
        assertTrue(r.feasible(), r.violations()::toString);
    }
}
