package dev.computeplan.procurement.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.api.ProblemValidator;
import dev.computeplan.procurement.bench.ScenarioGenerator;
import dev.computeplan.procurement.explain.PlanChecker;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small random problems (existing fleets, supply caps, vendor shares, leases, cloud): whatever the solver returns
 * must pass the independent checker, and the checker's recomputed cost must equal the solver's objective. They are
 * small enough for SCIP to prove optimal: the gap, not the clock, ends each solve.
 */
class RandomScenariosTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void solverAndCheckerAgree(long seed) {
        ProcurementProblem problem = ScenarioGenerator.generate(4, 4, 2, 4, seed);
        assertThat(ProblemValidator.validate(problem)).isEmpty();
        ProcurementPlan plan = Fixtures.solve(problem);
        assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
        PlanChecker.Result check = PlanChecker.check(problem, plan);
        assertThat(check.violations()).isEmpty();
        assertThat(check.costs().totalUsd()).isCloseTo(plan.objectiveUsd(), within(1e-6 * plan.objectiveUsd()));
        assertThat(plan.message()).isNull();
    }
}
