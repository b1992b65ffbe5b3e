package dev.computeplan.power.solver;

import static dev.computeplan.power.model.PowerFixtures.FULL;
import static dev.computeplan.power.model.PowerFixtures.HALF;
import static dev.computeplan.power.model.PowerFixtures.dropOk;
import static dev.computeplan.power.model.PowerFixtures.hourly;
import static dev.computeplan.power.model.PowerFixtures.interruptible;
import static dev.computeplan.power.model.PowerFixtures.job;
import static dev.computeplan.power.model.PowerFixtures.lateOk;
import static dev.computeplan.power.model.PowerFixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.computeplan.common.SolveControl;
import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-solvable instances with exact answers; every schedule is re-checked by the independent checker. */
public class PowerSolverTest {

    private static final double[] CARBON = {100, 50, 10, 10, 80, 100};

    /**
     * Solves with the time-indexed CP-SAT model right after the starts: on these tiny models it ends on its own with a
     * proof, so the time limit is only a safety net.
     */
    public static PowerSolution solve(PowerProblem p) {
        PowerSolution s = new PowerSolver(
                        Clock.systemUTC(), PowerSolverSettings.defaults().withHeuristicShare(0.0))
                .solve(p, null, SolveControl.withTimeLimit(Duration.ofSeconds(60)));
        ScheduleChecker.Report report = ScheduleChecker.check(p, s);
        assertTrue(report.feasible(), () -> report.violations().toString());
        // the checker's recomputed objective (doubles, $) equals the solver's integer one (µ$)
        assertEquals(s.objectiveMicroUsd() / 1e6, report.objectiveUsd(), 1e-5);
        return s;
    }

    @Test
    void oneJobRunsInTheCleanestTwoHours() {
        // 2 h at 1 kW: windows [0,2)=150 g, [1,3)=60, [2,4)=20, [3,5)=90, [4,6)=180 → start 2, 20 g → 20,000 µ$ at
        // $1,000/t
        PowerSolution s = solve(problem(hourly(CARBON, null), job("a", 0, 6, 2.0, List.of(FULL))));
        assertEquals(PowerSolution.Status.OPTIMAL, s.status());
        assertEquals("per-job-optimum", s.method());
        assertEquals(20_000, s.objectiveMicroUsd());
        assertEquals(2, s.jobs().get(0).runs().get(0).startStep());
    }

    @Test
    void aBindingCapSeparatesTwoJobs() {
        // cap 1.5 kW: two 1 kW jobs cannot overlap. Pairs of disjoint 2 h windows (sums above):
        // (0,2)=170 (0,3)=240 (0,4)=330 (1,3)=150 (1,4)=240 (2,4)=200 → 150 g, starts 1 and 3
        PowerSolution s = solve(
                problem(hourly(CARBON, 1.5), job("a", 0, 6, 2.0, List.of(FULL)), job("b", 0, 6, 2.0, List.of(FULL))));
        assertEquals(PowerSolution.Status.OPTIMAL, s.status());
        assertEquals(150_000, s.objectiveMicroUsd());
        assertEquals(
                List.of(1, 3),
                s.jobs().stream().map(j -> j.runs().get(0).startStep()).sorted().toList());
    }

    @Test
    void aLowerPowerLevelLetsJobsShareTheCap() {
        // with "half" (0.5 speed, 0.5 kW, so 4 h and the same energy per step-kWh ratio) a 1 kW + 0.5 kW pair fits 1.5
        // kW:
        // a full at [2,4) = 20 g, b half at [1,5) = 0.5·(50+10+10+80) = 75 g → 95 g; nothing cheaper:
        // both half: 0.5·(170|150|200) twice, disjoint impossible but overlapping 1 kW fits: 75 + 75 = 150 > 95
        PowerSolution s = solve(problem(
                hourly(CARBON, 1.5),
                job("a", 0, 6, 2.0, List.of(FULL, HALF)),
                job("b", 0, 6, 2.0, List.of(FULL, HALF))));
        assertEquals(PowerSolution.Status.OPTIMAL, s.status());
        assertEquals(95_000, s.objectiveMicroUsd());
    }

    @Test
    void interruptibleJobTakesTheCheapestSteps() {
        // carbon 10 90 90 10 10 90, 3 h: steps {0,3,4} = 30 g in two runs
        double[] carbon = {10, 90, 90, 10, 10, 90};
        PowerSolution s = solve(problem(hourly(carbon, null), interruptible("i", 0, 6, 3.0, 0, 0)));
        assertEquals(30_000, s.objectiveMicroUsd());
        assertEquals(2, s.jobs().get(0).runs().size());
    }

    @Test
    void minimumRunLengthForbidsShortRuns() {
        // runs of ≥ 2 h: [2,5) = 110, [3,6) = 110, [0,2)+[3,5) = 120 (4 steps) → 110 g
        double[] carbon = {10, 90, 90, 10, 10, 90};
        PowerSolution s = solve(problem(
                hourly(carbon, 2.0),
                interruptible("i", 0, 6, 3.0, 120, 0),
                job("blocker", 0, 6, 1.0, List.of(new dev.computeplan.power.model.PowerLevel("tiny", 1.0, 1.0)))));
        // the 1 W blocker costs 1 h × 0.001 kW × 10 g = 0.01 g = 10 µ$ at its cheapest step
        assertEquals(110_000 + 10, s.objectiveMicroUsd());
        assertTrue(s.jobs().get(0).runs().stream().allMatch(r -> r.steps() >= 2));
    }

    @Test
    void checkpointOverheadMakesSplittingCostly() {
        // 1 h overhead per resume: {0} + {3,4} needs 4 steps, e.g. {0,3,4,5} = 120; one run [2,5) or [3,6) = 110 g
        double[] carbon = {10, 90, 90, 10, 10, 90};
        PowerSolution s = solve(problem(
                hourly(carbon, 2.0),
                interruptible("i", 0, 6, 3.0, 0, 60),
                job("blocker", 0, 6, 1.0, List.of(new dev.computeplan.power.model.PowerLevel("tiny", 1.0, 1.0)))));
        assertEquals(110_000 + 10, s.objectiveMicroUsd());
        assertEquals(1, s.jobs().get(0).runs().size());
    }

    @Test
    void aJobThatCannotFitRunsLateWithItsPenalty() {
        // window [0,2) but 3 h of work: earliest finish at 3 → 1 h late × $1 = 1,000,000 µ$; CO2 100+50+10 = 160 g;
        // finishing at 4 ([1,4) = 70 g, 2 h late) costs 70,000 + 2,000,000 — more
        PowerSolution s = solve(problem(hourly(CARBON, null), lateOk(job("l", 0, 2, 3.0, List.of(FULL)))));
        assertEquals(160_000 + 1_000_000, s.objectiveMicroUsd());
        assertEquals(1, s.lateJobs());
    }

    @Test
    void aJobThatNeverFitsUnderTheCapIsDropped() {
        // a 1 kW job under a 1.5 kW cap next to another 1 kW job over the whole window: one is dropped ($5)
        PowerSolution s = solve(problem(
                hourly(CARBON, 1.5),
                dropOk(job("a", 0, 6, 6.0, List.of(FULL))),
                dropOk(job("b", 0, 6, 6.0, List.of(FULL)))));
        // the kept one emits 350 g = 350,000 µ$; the dropped one costs 5,000,000 µ$
        assertEquals(350_000 + 5_000_000, s.objectiveMicroUsd());
        assertEquals(1, s.droppedJobs());
    }
}
