package dev.computeplan.procurement.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.bench.ScenarioGenerator;
import dev.computeplan.procurement.explain.PlanChecker;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A procurement job interrupted (its replica died, its lease was taken over) and resumed from its last best plan with
 * the time it has left ends as well as one that ran without interruption. The interruption is made deterministic: the
 * first attempt stops at SCIP's first solution, without the rounded start, so it leaves a plan far from the optimum.
 * Both runs are asked for a gap of 0.01 % on a scenario they prove in a fraction of the limit, so neither depends on
 * the machine's speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcurementResumeTest {

    private static final double GAP = 1e-4;
    private static final Duration TOTAL = Fixtures.SAFETY_LIMIT;
    private static final ProcurementSolverSettings SETTINGS =
            new ProcurementSolverSettings(GAP, "", false, true, true, 0.35, ResolveBudgets.defaults());
    private static final ProcurementSolverSettings FIRST_SOLUTION_ONLY = new ProcurementSolverSettings(
            GAP, "limits/solutions = 1", false, false, false, 0.35, ResolveBudgets.defaults());

    private final ProcurementProblem problem = ScenarioGenerator.generate(6, 8, 2, 8, 3);
    /** The run without interruption, solved once for both tests. */
    private ProcurementPlan uninterrupted;

    @BeforeAll
    void solveWithoutInterruption() {
        uninterrupted = solver(SETTINGS).solve(problem, null, TOTAL, r -> {}, () -> false);
    }

    @Test
    void anInterruptedJobEndsWithinFiveHundredthsOfAPercentOfAnUninterruptedOne() {
        long start = System.nanoTime();
        ProcurementPlan interrupted = solver(FIRST_SOLUTION_ONLY).solve(problem, null, TOTAL, r -> {}, () -> false);
        Duration left = TOTAL.minusNanos(System.nanoTime() - start);
        ProcurementPlan resumed = solver(SETTINGS).solve(problem, interrupted, left, r -> {}, () -> false);

        assertThat(uninterrupted.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(interrupted.objectiveUsd())
                .as("the interruption left a plan worth improving")
                .isGreaterThan(uninterrupted.objectiveUsd() * (1 + 10 * GAP));
        assertThat(resumed.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(PlanChecker.check(problem, resumed).violations()).isEmpty();
        assertThat(Math.abs(resumed.objectiveUsd() - uninterrupted.objectiveUsd()) / uninterrupted.objectiveUsd())
                .isLessThanOrEqualTo(5e-4);
    }

    @Test
    void aResumedSolveStoppedAtOnceKeepsTheEarlierPlanAndItsProvenBound() {
        ProcurementPlan proven = uninterrupted;
        assertThat(proven.status()).isEqualTo(PlanStatus.OPTIMAL);

        // interrupted again before SCIP starts: it returns nothing, the resumed job must not lose what it had
        ProcurementPlan again = solver(SETTINGS).solve(problem, proven, TOTAL, Runnable::run, () -> true);

        assertThat(again.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(again.objectiveUsd()).isEqualTo(proven.objectiveUsd());
        assertThat(again.bestBoundUsd()).isGreaterThanOrEqualTo(proven.bestBoundUsd());
        assertThat(again.gap()).isLessThanOrEqualTo(GAP);
        assertThat(again.purchases()).isEqualTo(proven.purchases());
        assertThat(PlanChecker.check(problem, again).violations()).isEmpty();
    }

    private static ProcurementSolver solver(ProcurementSolverSettings settings) {
        return new ProcurementSolver(settings, PlanChecker::verdict);
    }
}
