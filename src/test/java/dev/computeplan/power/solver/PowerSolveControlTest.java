package dev.computeplan.power.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.computeplan.common.SimpleSolveControl;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stop requests, time limits and progress reports. The tests that measure wall-clock time are tagged slow; the fast
 * ones stop the search from the test.
 */
class PowerSolveControlTest {

    private static final List<PowerLevel> LEVELS =
            List.of(new PowerLevel("300W", 1.0, 300), new PowerLevel("200W", 0.7, 190));

    /** Many 300 W jobs over two weeks of hourly steps under a cap of 6 of them: too big for CP-SAT, the cap binds. */
    static PowerProblem busy(long seed, int jobs) {
        return busy(seed, jobs, 24 * 14);
    }

    static PowerProblem busy(long seed, int jobs, int steps) {
        Random rnd = new Random(seed);
        double[] carbon = new double[steps];
        for (int t = 0; t < steps; t++) {
            carbon[t] = 200 + 150 * Math.sin(t * 2 * Math.PI / 24) + rnd.nextInt(50);
        }
        List<PowerJob> list = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            int release = rnd.nextInt(steps - 48);
            list.add(new PowerJob(
                    "j" + j,
                    PowerFixtures.at(release),
                    PowerFixtures.at(release + 12 + rnd.nextInt(36)),
                    2 + rnd.nextInt(10),
                    1,
                    rnd.nextBoolean(),
                    0,
                    0,
                    LEVELS,
                    null,
                    1,
                    true,
                    false));
        }
        return new PowerProblem(PowerFixtures.hourly(carbon, 1.8), list, PowerFixtures.CO2_ONLY);
    }

    @Test
    @Tag("slow")
    void aStopRequestEndsTheSearchWithACheckedSchedule() throws Exception {
        PowerProblem p = busy(1, 200);
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(60));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            control.requestStop();
        });
        long t0 = System.nanoTime();
        stopper.start();
        PowerSolution s = new PowerSolver(Clock.systemUTC()).solve(p, null, control);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stopper.join();
        assertTrue(seconds < 10, "took " + seconds + " s after a stop at 1.5 s");
        ScheduleChecker.Report report = ScheduleChecker.check(p, s);
        assertTrue(
                report.feasible(),
                () -> report.violations()
                        .subList(0, Math.min(3, report.violations().size()))
                        .toString());
    }

    @Test
    @Tag("slow")
    void theTimeLimitHoldsAndImprovementsAreReported() {
        PowerProblem p = busy(2, 200);
        AtomicInteger reports = new AtomicInteger();
        List<Long> objectives = new ArrayList<>();
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(2)).listener((s, score) -> {
            reports.incrementAndGet();
            objectives.add(((PowerSolution) s).objectiveMicroUsd());
        });
        long t0 = System.nanoTime();
        PowerSolution s = new PowerSolver(Clock.systemUTC()).solve(p, null, control);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 5, "took " + seconds + " s for a 2 s limit");
        assertTrue(reports.get() >= 1);
        // each report is no worse than the one before, and the last is what solve returns
        for (int i = 1; i < objectives.size(); i++) {
            assertTrue(objectives.get(i) <= objectives.get(i - 1));
        }
        assertEquals(objectives.get(objectives.size() - 1), s.objectiveMicroUsd());
    }

    @Test
    void aStopRequestedByTheFirstReportEndsTheSearchWithThatCheckedSchedule() {
        PowerProblem p = busy(1, 200);
        List<PowerSolution> reported = new ArrayList<>();
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(600));
        control.listener((s, score) -> {
            reported.add((PowerSolution) s);
            control.requestStop();
        });
        PowerSolution s = new PowerSolver(Clock.systemUTC()).solve(p, null, control);
        assertEquals(1, reported.size());
        assertEquals(reported.get(0).objectiveMicroUsd(), s.objectiveMicroUsd());
        ScheduleChecker.Report report = ScheduleChecker.check(p, s);
        assertTrue(
                report.feasible(),
                () -> report.violations()
                        .subList(0, Math.min(3, report.violations().size()))
                        .toString());
        assertEquals(
                s.objectiveMicroUsd() / 1e6,
                report.objectiveUsd(),
                1e-6 * p.jobs().size());
    }

    @Test
    void aFailingProgressReportIsNotSwallowed() {
        PowerProblem p = busy(3, 50);
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(2)).listener((s, score) -> {
            throw new IllegalStateException("store unavailable");
        });
        RuntimeException e =
                assertThrows(RuntimeException.class, () -> new PowerSolver(Clock.systemUTC()).solve(p, null, control));
        assertTrue(
                String.valueOf(e.getMessage()).contains("store unavailable")
                        || String.valueOf(e.getCause()).contains("store unavailable"),
                e::toString);
    }

    @Test
    @Tag("slow")
    void aFailureInsideTheCpSatCallbackIsRethrown() {
        // small enough for CP-SAT, no local search before it (so CP-SAT has room to improve on the starts);
        // the listener fails only for solutions found by CP-SAT's callback
        // 5 s per seed: on a loaded 2-core machine CP-SAT may need more than 2 s to beat the starts.
        for (long seed = 1; seed <= 8; seed++) {
            PowerProblem p = busy(seed, 14, 60);
            AtomicInteger cpReports = new AtomicInteger();
            SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(5)).listener((s, score) -> {
                if (((PowerSolution) s).method().equals("cp-sat")) {
                    cpReports.incrementAndGet();
                    throw new IllegalStateException("store unavailable");
                }
            });
            try {
                new PowerSolver(
                                Clock.systemUTC(),
                                PowerSolverSettings.defaults()
                                        .withCpSatMaxBools(1_000_000)
                                        .withHeuristicShare(0.0))
                        .solve(p, null, control);
                assertEquals(0, cpReports.get(), "a CP-SAT report failed but solve returned normally");
            } catch (IllegalStateException e) {
                assertEquals(1, cpReports.get());
                assertTrue(String.valueOf(e.getCause()).contains("store unavailable"), e::toString);
                return;
            }
        }
        throw new AssertionError("no seed made CP-SAT improve on the heuristic: the callback path was not exercised");
    }
}
