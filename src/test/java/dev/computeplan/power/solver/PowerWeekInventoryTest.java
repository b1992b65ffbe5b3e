package dev.computeplan.power.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.computeplan.common.SolveControl;
import dev.computeplan.power.api.PowerMapper;
import dev.computeplan.power.api.PowerRequest;
import dev.computeplan.power.api.PowerValidator;
import dev.computeplan.power.bench.LetsWaitAwhile;
import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.testing.SharedData;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark week (200 jobs, cap of 75 A100s) with power levels: slower levels fit more jobs under the power cap,
 * but never more than the 75 GPUs the site has (without the inventory up to 84 one-GPU jobs ran at once).
 */
class PowerWeekInventoryTest {

    private static final CarbonSeries SERIES = CarbonSeries.bundled();

    @Test
    @Tag("slow")
    void noStepOfTheWeekRunsMoreThanTheSitesA100s() {
        List<LetsWaitAwhile.MlJob> all = LetsWaitAwhile.jobs(SharedData.require("carbon/ml_jobs_2020.csv"));
        LocalDateTime monday = LocalDateTime.of(2020, 3, 2, 0, 0);
        PowerRequest request =
                LetsWaitAwhile.capped(LetsWaitAwhile.week(all, monday, 200, 42), monday, 75, false, true);
        assertEquals(List.of(), new PowerValidator(SERIES).validate(request));
        PowerProblem p = new PowerMapper(SERIES).toModel(request);
        PowerSolution s =
                new PowerSolver(Clock.systemUTC()).solve(p, null, SolveControl.withTimeLimit(Duration.ofSeconds(10)));
        int[] gpus = new int[p.grid().steps()];
        for (PowerSolution.JobPlan plan : s.jobs()) {
            for (PowerSolution.Run run : plan.runs()) {
                for (int t = run.startStep(); t < run.startStep() + run.steps(); t++) {
                    gpus[t]++;
                }
            }
        }
        for (int t = 0; t < gpus.length; t++) {
            assertTrue(gpus[t] <= 75, "step " + t + " runs " + gpus[t] + " A100s");
        }
        ScheduleChecker.Report report = ScheduleChecker.check(p, s);
        assertTrue(report.feasible(), () -> report.violations().toString());
    }
}
