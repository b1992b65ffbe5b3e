package dev.computeplan.power.explain;

import static dev.computeplan.power.model.PowerFixtures.FULL;
import static dev.computeplan.power.model.PowerFixtures.dropOk;
import static dev.computeplan.power.model.PowerFixtures.hourly;
import static dev.computeplan.power.model.PowerFixtures.job;
import static dev.computeplan.power.model.PowerFixtures.lateOk;
import static dev.computeplan.power.model.PowerFixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.solver.PowerSolverTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerExplainerTest {

    private static final double[] CARBON = {100, 50, 10, 10, 80, 100};

    @Test
    void jobLinesCompareWithRunningAtReleaseAtFullPower() {
        PowerProblem p = problem(hourly(CARBON, null), job("a", 0, 6, 2.0, List.of(FULL)));
        PowerExplanation e = PowerExplainer.explain(p, PowerSolverTest.solve(p));
        PowerExplanation.JobLine a = e.jobs().get(0);
        // planned [2,4): 20 g; at release [0,2): 150 g; 1 kW × 2 h = 2 kWh either way
        assertEquals(0.020, a.co2Kg(), 1e-9);
        assertEquals(0.150, a.atReleaseCo2Kg(), 1e-9);
        assertEquals(2.0, a.energyKwh(), 1e-9);
        assertEquals(100 * (0.150 - 0.020) / 0.150, e.summary().co2SavedPercent(), 1e-9);
        assertEquals(0, e.summary().bindingSteps());
        assertTrue(e.checkViolations().isEmpty());
    }

    @Test
    void aBindingCapNamesTheDisplacedJobs() {
        // cap 1.5 kW, jobs a, b released at 0: a runs [1,3), b [3,5) (see PowerSolverTest); at release both would run
        // [0,2); b waits at step 1 and 2 where a holds the cap → those steps bind and b is displaced at step 1
        PowerProblem p =
                problem(hourly(CARBON, 1.5), job("a", 0, 6, 2.0, List.of(FULL)), job("b", 0, 6, 2.0, List.of(FULL)));
        PowerSolution s = PowerSolverTest.solve(p);
        PowerExplanation e = PowerExplainer.explain(p, s);
        String first = s.jobs().get(0).runs().get(0).startStep() == 1 ? "a" : "b";
        String second = first.equals("a") ? "b" : "a";
        PowerExplanation.StepLine step1 = e.steps().get(1);
        assertTrue(step1.binding());
        assertEquals(List.of(second), step1.displaced());
        assertEquals(0.5, step1.headroomKw(), 1e-9);
        assertFalse(e.steps().get(0).binding()); // nothing runs at 0: a 1 kW job would fit
    }

    @Test
    void aLateJobIsExplainedByTheStepsThatHoldTheCap() {
        // cap 1 kW; "big" (3 h, window [0,6)) and "late" (2 h, window [0,3), may be late at $1/h). 3 + 2 steps of 1 kW
        // fit in 6 steps only one at a time; running "late" in [0,2) and big in [2,5) costs 150+100 = 250 g + 0 late.
        // Make "late" impossible on time instead: big must be in [0,3) (its deadline), so late is forced after 3.
        PowerProblem p = problem(
                hourly(CARBON, 1.0),
                job("big", 0, 3, 3.0, List.of(FULL)),
                lateOk(job("late", 0, 3, 2.0, List.of(FULL))));
        PowerSolution s = PowerSolverTest.solve(p);
        PowerExplanation e = PowerExplainer.explain(p, s);
        assertEquals(1, e.lateOrDropped().size());
        PowerExplanation.Why why = e.lateOrDropped().get(0);
        assertEquals("late", why.outcome());
        assertEquals(3, why.fullSteps());
        assertEquals(List.of("big"), why.fullRanges().get(0).heldBy());
    }

    @Test
    void aDroppedJobIsListed() {
        PowerProblem p = problem(
                hourly(CARBON, 1.5),
                dropOk(job("a", 0, 6, 6.0, List.of(FULL))),
                dropOk(job("b", 0, 6, 6.0, List.of(FULL))));
        PowerSolution s = PowerSolverTest.solve(p);
        PowerExplanation e = PowerExplainer.explain(p, s);
        assertEquals(1, e.lateOrDropped().size());
        assertEquals("dropped", e.lateOrDropped().get(0).outcome());
        assertEquals(6, e.lateOrDropped().get(0).fullSteps());
        assertTrue(ScheduleChecker.check(p, s).feasible());
    }
}
