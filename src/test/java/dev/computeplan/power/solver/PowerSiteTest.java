package dev.computeplan.power.solver;

import static dev.computeplan.power.model.PowerFixtures.CO2_ONLY;
import static dev.computeplan.power.model.PowerFixtures.FULL;
import static dev.computeplan.power.model.PowerFixtures.at;
import static dev.computeplan.power.model.PowerFixtures.hourly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.computeplan.common.SolveControl;
import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.Site;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The site: GPU inventory as a hard limit, server overhead and PUE in the cap and in the energy. */
class PowerSiteTest {

    // the cheapest hours are 2 and 3; every job would like to run there
    private static final double[] CARBON = {100, 90, 10, 10, 80, 100};

    private static PowerJob gpuJob(String id, int gpus, double gpuHours) {
        return new PowerJob(id, at(0), at(6), gpuHours, gpus, false, 0, 0, List.of(FULL), "A100-PCIe", 1, false, false);
    }

    private static Site inventory(int a100) {
        return new Site(Map.of("A100-PCIe", a100), 8, 0, 0, 0, 0, null, null);
    }

    /** GPUs of each step a schedule uses, counted from its runs. */
    private static int[] gpusPerStep(PowerProblem p, PowerSolution s) {
        int[] used = new int[p.grid().steps()];
        for (PowerSolution.JobPlan plan : s.jobs()) {
            int gpus = p.jobs().stream()
                    .filter(j -> j.id().equals(plan.jobId()))
                    .findFirst()
                    .orElseThrow()
                    .gpus();
            for (PowerSolution.Run run : plan.runs()) {
                for (int t = run.startStep(); t < run.startStep() + run.steps(); t++) {
                    used[t] += gpus;
                }
            }
        }
        return used;
    }

    @Test
    void noStepRunsMoreGpusThanTheSiteHasOnEveryPath() {
        // three 2-GPU jobs, no power cap: all three want hours 2-3, the site has 4 GPUs
        List<PowerJob> jobs = List.of(gpuJob("a", 2, 4), gpuJob("b", 2, 4), gpuJob("c", 2, 4));
        PowerProblem p = new PowerProblem(hourly(CARBON, 100.0), jobs, CO2_ONLY, inventory(4));
        PowerInstance inst = PowerInstance.of(p);
        CapHeuristic h = new CapHeuristic(inst);
        assertFalse(h.withinCap(h.perJobOptimum()), "each job alone takes hours 2-3: 6 GPUs");
        List<PowerSolution> found = new ArrayList<>();
        found.add(
                new PowerSolver(Clock.systemUTC()).solve(p, null, SolveControl.withTimeLimit(Duration.ofSeconds(20))));
        for (Placement[] schedule : List.of(h.greedy(), h.earliestFit(), h.shiftThenRepair())) {
            found.add(SolutionMapper.toSolution(inst, schedule, "start", PowerSolution.Status.FEASIBLE, null));
        }
        IntervalSolve.Result r = IntervalSolve.run(
                IntervalModel.whole(inst).build(),
                h.greedy(),
                20,
                PowerSolverSettings.defaults(),
                7,
                (s, b) -> {},
                stop -> {});
        found.add(SolutionMapper.toSolution(inst, r.schedule(), "interval", PowerSolution.Status.FEASIBLE, null));
        for (PowerSolution s : found) {
            for (int used : gpusPerStep(p, s)) {
                assertTrue(used <= 4, s.method() + " runs " + used + " GPUs");
            }
            assertTrue(ScheduleChecker.check(p, s).feasible(), s.method() + ": " + ScheduleChecker.check(p, s));
        }
        // the exact optimum: two jobs in hours 2-3, the third in the next cheapest pair that is free (0-1 or 3-4...)
        assertEquals(PowerSolution.Status.OPTIMAL, found.get(0).status());
    }

    @Test
    void theCheckerRefusesAStepWithMoreGpusThanTheSiteHas() {
        List<PowerJob> jobs = List.of(gpuJob("a", 2, 4), gpuJob("b", 2, 4), gpuJob("c", 2, 4));
        PowerProblem unlimited = new PowerProblem(hourly(CARBON, 100.0), jobs, CO2_ONLY);
        PowerSolution s = new PowerSolver(Clock.systemUTC())
                .solve(unlimited, null, SolveControl.withTimeLimit(Duration.ofSeconds(20)));
        assertEquals(6, gpusPerStep(unlimited, s)[2], "without an inventory all three share hours 2-3");
        PowerProblem limited = new PowerProblem(hourly(CARBON, 100.0), jobs, CO2_ONLY, inventory(4));
        ScheduleChecker.Report report = ScheduleChecker.check(limited, s);
        assertFalse(report.feasible());
        assertTrue(report.violations().get(0).contains("6 GPUs of model A100-PCIe but the site has 4"));
    }

    @Test
    void pueAndServerOverheadCountInTheCapAndInTheEnergy() {
        // one 1-GPU job at 1,000 W for 1.5 h, busy server overhead 200 W per GPU above an idle 100 W, PUE 1.25:
        // IT draw 1,000 + 200 − 100 = 1,100 W; the idle 100 W of the 2-GPU inventory is fixed load
        Site site = new Site(Map.of("A100-PCIe", 2), 8, 100, 200, 0, 0, 1.25, null);
        PowerJob job =
                new PowerJob("a", at(0), at(6), 1.5, 1, false, 0, 0, List.of(FULL), "A100-PCIe", 1, false, false);
        // cap 1.6 kW: 1.25 × (0.2 idle + 1.1) = 1.625 > 1.6, so the job cannot run anywhere
        PowerProblem tooTight = new PowerProblem(hourly(CARBON, 1.6), List.of(job), CO2_ONLY, site);
        PowerInstance tight = PowerInstance.of(tooTight);
        assertNull(JobPlanner.best(tight, tight.jobs[0], Capacity.of(tight)));
        PowerProblem p = new PowerProblem(hourly(CARBON, 1.7), List.of(job), CO2_ONLY, site);
        PowerSolution s =
                new PowerSolver(Clock.systemUTC()).solve(p, null, SolveControl.withTimeLimit(Duration.ofSeconds(20)));
        ScheduleChecker.Report report = ScheduleChecker.check(p, s);
        assertTrue(report.feasible(), report.violations()::toString);
        // hours 2 and 3 (half of it): 1.1 kW × 1.5 h × PUE 1.25 = 2.0625 kWh, at 10 g/kWh
        assertEquals(2.0625, s.energyKwh(), 1e-9);
        assertEquals(2.0625, report.energyKwh(), 1e-9);
        assertEquals(0.020625, report.co2Kg(), 1e-12);
        assertEquals(s.objectiveMicroUsd() / 1e6, report.objectiveUsd(), 1e-6);
    }
}
