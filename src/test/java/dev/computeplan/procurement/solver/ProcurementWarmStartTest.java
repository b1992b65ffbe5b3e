package dev.computeplan.procurement.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.bench.ScenarioGenerator;
import dev.computeplan.procurement.explain.PlanChecker;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rounded LP relaxation used as SCIP's first plan, and the cover rows weighted by its duals: the first plan must
 * pass the independent checker with the cost the model computes, and the cover rows must hold at every plan that
 * meets the model without them (they only cut off fractional servers).
 */
class ProcurementWarmStartTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void roundedRelaxationIsACheckedPlan(long seed) {
        ProcurementProblem problem = ScenarioGenerator.generate(5, 4, 2, 5, seed);
        ProcurementModel model = ProcurementModel.build(problem);
        WarmStart.Start start = WarmStart.fromRelaxation(model, Duration.ofSeconds(3), false);
        assertThat(start.hint()).hasSize(model.program().variables().size());
        double[] x = values(model, start.hint());
        double cost = 0;
        for (var v : model.program().variables()) {
            cost += model.program().objective(v.index()) * x[v.index()];
            if (v.integer()) {
                assertThat(x[v.index()]).isEqualTo(Math.rint(x[v.index()]));
            }
        }
        ProcurementPlan plan = model.extract(x, PlanStatus.FEASIBLE, cost, cost, 0);
        PlanChecker.Result check = PlanChecker.check(problem, plan);
        assertThat(check.violations()).isEmpty();
        // the checker recomputes the cost item by item from the plan alone
        assertThat(check.costs().totalUsd()).isCloseTo(cost, within(1e-6 * cost));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void coverRowsHoldAtPlansOfTheModelWithoutThem(long seed) {
        ProcurementProblem problem = ScenarioGenerator.generate(5, 4, 2, 5, seed);
        ProcurementModel plain = ProcurementModel.build(problem);
        MipRunner.Result mip = new MipRunner(ProcurementSolverSettings.defaults())
                .mip(plain.program(), Fixtures.SAFETY_LIMIT, List.of(), r -> {});
        assertThat(mip.hasSolution()).isTrue();
        WarmStart.Start start = WarmStart.fromRelaxation(plain, Duration.ofSeconds(3), false);

        ProcurementModel covered = ProcurementModel.build(problem);
        int before = covered.program().rows().size();
        covered.coverRows(start.duals());
        List<LinearProgram.Row> cover = covered.program()
                .rows()
                .subList(before, covered.program().rows().size());
        assertThat(cover).isNotEmpty().allSatisfy(row -> assertThat(row.name()).startsWith("cover["));
        // the same variables in the same order: the plain model's points are points of the covered one
        assertThat(covered.program().variables()).hasSameSizeAs(plain.program().variables());
        for (double[] point : List.of(mip.values(), values(plain, start.hint()))) {
            for (LinearProgram.Row row : cover) {
                double activity = 0;
                for (int i = 0; i < row.vars().length; i++) {
                    activity += row.coefs()[i] * point[row.vars()[i]];
                }
                assertThat(activity).as(row.name()).isGreaterThanOrEqualTo(row.lb() - 1e-6 * Math.max(1, row.lb()));
            }
        }
    }

    private static double[] values(ProcurementModel model, List<double[]> hint) {
        double[] x = new double[model.program().variables().size()];
        for (double[] h : hint) {
            x[(int) h[0]] = h[1];
        }
        return x;
    }
}
