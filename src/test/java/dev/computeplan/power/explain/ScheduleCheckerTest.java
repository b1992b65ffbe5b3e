package dev.computeplan.power.explain;

import static dev.computeplan.power.model.PowerFixtures.FULL;
import static dev.computeplan.power.model.PowerFixtures.at;
import static dev.computeplan.power.model.PowerFixtures.hourly;
import static dev.computeplan.power.model.PowerFixtures.interruptible;
import static dev.computeplan.power.model.PowerFixtures.job;
import static dev.computeplan.power.model.PowerFixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.PowerSolution.JobPlan;
import dev.computeplan.power.model.PowerSolution.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker catches each kind of broken schedule, and prices a good one by hand. */
class ScheduleCheckerTest {

    private static final double[] CARBON = {100, 50, 10, 10, 80, 100};

    private static Run run(int start, int steps) {
        return new Run(start, steps, at(start), at(start + steps));
    }

    private static PowerSolution schedule(JobPlan... plans) {
        return new PowerSolution(
                "hand",
                dev.computeplan.power.model.PowerSolution.Status.FEASIBLE,
                0,
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                List.of(plans));
    }

    private static List<String> violations(PowerProblem p, JobPlan... plans) {
        return ScheduleChecker.check(p, schedule(plans)).violations();
    }

    @Test
    void aGoodScheduleIsPricedByHand() {
        PowerProblem p =
                problem(hourly(CARBON, 1.5), job("a", 0, 6, 2.0, List.of(FULL)), job("b", 0, 6, 2.0, List.of(FULL)));
        ScheduleChecker.Report r = ScheduleChecker.check(
                p,
                schedule(
                        new JobPlan("a", "full", false, 0, List.of(run(1, 2))),
                        new JobPlan("b", "full", false, 0, List.of(run(3, 2)))));
        assertEquals(List.of(), r.violations());
        // 1 kW for 2 h each: 4 kWh; CO2 50+10 + 10+80 = 150 g; at $1,000/t = $0.15
        assertEquals(4.0, r.energyKwh(), 1e-12);
        assertEquals(0.150, r.co2Kg(), 1e-12);
        assertEquals(0.15, r.objectiveUsd(), 1e-12);
    }

    @Test
    void overlappingJobsAboveTheCapAreCaught() {
        PowerProblem p =
                problem(hourly(CARBON, 1.5), job("a", 0, 6, 2.0, List.of(FULL)), job("b", 0, 6, 2.0, List.of(FULL)));
        List<String> v = violations(
                p,
                new JobPlan("a", "full", false, 0, List.of(run(2, 2))),
                new JobPlan("b", "full", false, 0, List.of(run(3, 2))));
        assertEquals(1, v.size(), v::toString);
        assertTrue(v.get(0).startsWith("step 3"), v::toString);
    }

    @Test
    void missingWorkWrongLevelAndSplitNonInterruptibleAreCaught() {
        PowerProblem p = problem(
                hourly(CARBON, null),
                job("a", 0, 6, 2.0, List.of(FULL)),
                job("b", 0, 6, 2.0, List.of(FULL)),
                job("c", 0, 6, 2.0, List.of(FULL)));
        List<String> v = violations(
                p,
                new JobPlan("a", "full", false, 0, List.of(run(2, 1))),
                new JobPlan("b", "turbo", false, 0, List.of(run(2, 2))),
                new JobPlan("c", "full", false, 0, List.of(run(0, 1), run(3, 1))));
        assertTrue(v.stream().anyMatch(s -> s.startsWith("job a does 1.0000 of its 2.0000")), v::toString);
        assertTrue(v.stream().anyMatch(s -> s.contains("job b runs at unknown level turbo")), v::toString);
        assertTrue(v.stream().anyMatch(s -> s.contains("job c is not interruptible but has 2 runs")), v::toString);
    }

    @Test
    void lateEarlyDroppedAndMissingJobsAreCaught() {
        PowerProblem p = problem(
                hourly(CARBON, null),
                job("late", 0, 3, 2.0, List.of(FULL)),
                job("early", 2, 6, 2.0, List.of(FULL)),
                job("dropped", 0, 6, 1.0, List.of(FULL)),
                job("missing", 0, 6, 1.0, List.of(FULL)));
        List<String> v = violations(
                p,
                new JobPlan("late", "full", false, 0, List.of(run(2, 2))),
                new JobPlan("early", "full", false, 0, List.of(run(1, 2))),
                new JobPlan("dropped", null, true, 0, List.of()),
                new JobPlan("ghost", "full", false, 0, List.of(run(0, 1))));
        assertTrue(v.stream().anyMatch(s -> s.startsWith("job late ends at")), v::toString);
        assertTrue(v.stream().anyMatch(s -> s.startsWith("job early starts at")), v::toString);
        assertTrue(v.contains("job dropped is dropped but may not be"), v::toString);
        assertTrue(v.contains("job missing is missing from the schedule"), v::toString);
        assertTrue(v.contains("the schedule plans unknown job ghost"), v::toString);
    }

    @Test
    void shortRunsAndResumeOverheadAreCaught() {
        // 3 h of work, 2 h minimum run, 1 h overhead per resume: runs of 2 h + 2 h do 4 − 1 = 3 h → fine;
        // 1 h + 2 h breaks the minimum and does only 2 h
        PowerProblem p = problem(hourly(CARBON, null), interruptible("i", 0, 6, 3.0, 120, 60));
        assertEquals(List.of(), violations(p, new JobPlan("i", "full", false, 0, List.of(run(0, 2), run(3, 2)))));
        List<String> v = violations(p, new JobPlan("i", "full", false, 0, List.of(run(0, 1), run(3, 2))));
        assertTrue(v.stream().anyMatch(s -> s.contains("shorter than its minimum")), v::toString);
        assertTrue(v.stream().anyMatch(s -> s.startsWith("job i does 2.0000 of its 3.0000")), v::toString);
    }
}
