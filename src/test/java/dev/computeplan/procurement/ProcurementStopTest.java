package dev.computeplan.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.common.SimpleSolveControl;
import dev.computeplan.procurement.bench.ScenarioGenerator;
import dev.computeplan.procurement.model.PlanChecker;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.solver.ProcurementSolver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcurementStopTest {

    @Test
    void aStopRequestInterruptsScipAndReturnsTheBestPlanSoFar() throws Exception {
        ProcurementProblem problem = ScenarioGenerator.generate(20, 12, 5, 30, 7);
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(60));
        long start = System.nanoTime();
        CompletableFuture<ProcurementPlan> run = CompletableFuture.supplyAsync(() ->
                ProcurementSolver.solve(problem, null, control.timeLimit(), control::onStop, control::stopRequested));
        Thread.sleep(1_500);
        control.requestStop();
        ProcurementPlan plan = run.get(20, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isLessThan(15);
        assertThat(plan.status()).isIn("FEASIBLE", "NOT_SOLVED", "OPTIMAL");
        if (plan.objectiveUsd() != null) {
            assertThat(PlanChecker.check(problem, plan).violations()).isEmpty();
        }
    }

    @Test
    void aStopBeforeTheSolveMeansNoSolve() {
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(60));
        control.requestStop();
        ProcurementPlan plan = ProcurementSolver.solve(Fixtures.twoAccelerators(1.0, true), null, control.timeLimit(),
                control::onStop, control::stopRequested);
        assertThat(plan.status()).isEqualTo("NOT_SOLVED");
    }
}
