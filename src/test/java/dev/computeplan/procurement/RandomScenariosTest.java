package dev.computeplan.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.computeplan.procurement.bench.ScenarioGenerator;
import dev.computeplan.procurement.model.PlanChecker;
import dev.computeplan.procurement.model.ProblemValidator;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.solver.ProcurementSolver;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small random problems (existing fleets, supply caps, vendor shares, leases, cloud): whatever the solver returns
 * must pass the independent checker, and the checker's recomputed cost must equal the solver's objective.
 */
class RandomScenariosTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void solverAndCheckerAgree(long seed) {
        ProcurementProblem problem = ScenarioGenerator.generate(4, 4, 2, 4, seed);
        assertThat(ProblemValidator.validate(problem)).isEmpty();
        ProcurementPlan plan = ProcurementSolver.solve(problem, null, Duration.ofSeconds(2), r -> { }, () -> false);
        assertThat(plan.status()).isIn("OPTIMAL", "FEASIBLE");
        PlanChecker.Result check = PlanChecker.check(problem, plan);
        assertThat(check.violations()).isEmpty();
        assertThat(check.costs().totalUsd()).isCloseTo(plan.objectiveUsd(), within(1e-6 * plan.objectiveUsd()));
        assertThat(plan.message()).isNull();
    }
}
