package dev.computeplan.procurement.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.common.SimpleSolveControl;
import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.bench.ScenarioGenerator;
import dev.computeplan.procurement.explain.PlanChecker;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ProcurementStopTest {

    /** Needs SCIP busy on a large model when the stop lands, hence a real wait. */
    @Test
    @Tag("slow")
    void aStopRequestInterruptsScipAndReturnsTheBestPlanSoFar() throws Exception {
        ProcurementProblem problem = ScenarioGenerator.generate(20, 12, 5, 30, 7);
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(60));
        long start = System.nanoTime();
        CompletableFuture<ProcurementPlan> run = CompletableFuture.supplyAsync(() ->
                Fixtures.solver().solve(problem, null, control.timeLimit(), control::onStop, control::stopRequested));
        Thread.sleep(1_500);
        control.requestStop();
        ProcurementPlan plan = run.get(20, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isLessThan(15);
        assertThat(plan.status()).isIn(PlanStatus.FEASIBLE, PlanStatus.NOT_SOLVED, PlanStatus.OPTIMAL);
        if (plan.objectiveUsd() != null) {
            assertThat(PlanChecker.check(problem, plan).violations()).isEmpty();
        }
    }

    @Test
    void aStopBeforeTheSolveMeansNoSolve() {
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(60));
        control.requestStop();
        ProcurementPlan plan = Fixtures.solver()
                .solve(
                        Fixtures.twoAccelerators(1.0, true),
                        null,
                        control.timeLimit(),
                        control::onStop,
                        control::stopRequested);
        assertThat(plan.status()).isEqualTo(PlanStatus.NOT_SOLVED);
    }
}
