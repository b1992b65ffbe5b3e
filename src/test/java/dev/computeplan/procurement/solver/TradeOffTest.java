package dev.computeplan.procurement.solver;

import static dev.computeplan.procurement.Fixtures.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.model.Pareto;
import dev.computeplan.procurement.model.ParetoPoint;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Scenario;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.TwoStage;
import dev.computeplan.procurement.model.TwoStageResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cost-versus-carbon frontier and the two-stage plan on problems small enough to solve by hand. */
class TradeOffTest {

    /** One accelerator per server, life 4 quarters, so a one-quarter horizon charges a quarter of price and carbon. */
    static Sku sku(String name, String vendor, double price, double embodiedKg) {
        return new Sku(
                name,
                vendor,
                80.0,
                2.0,
                1000.0,
                2000.0,
                1000.0,
                1,
                900.0,
                0.0,
                1,
                price,
                0.0,
                null,
                2.0,
                0,
                4,
                embodiedKg,
                0.0,
                null,
                null,
                null,
                "test");
    }

    /** Two accelerators for one quarter from X ($10,000, 10 t embodied) or Y ($20,000, none); grid carbon 0. */
    static ProcurementProblem dirtyOrClean(int points) {
        ProcurementProblem p = Fixtures.problem(
                1,
                List.of(sku("X", "A", 10_000, 10_000), sku("Y", "B", 20_000, 0)),
                Fixtures.site(1, 1.0, List.of()),
                Fixtures.training(1, 2 * RATE, "X", "Y"),
                Fixtures.policy(false),
                List.of());
        return new ProcurementProblem(
                1, null, p.catalogue(), p.sites(), p.workloads(), p.policy(), List.of(), new Pareto(points), null);
    }

    @Test
    void frontierHasTheThreeHandSolvedPointsAndDropsTheDominatedOne() {
        // per accelerator: X 2,500 + 219 energy and 2.5 t; Y 5,000 + 219 and 0 t. Caps 0, 5/3, 10/3 t and none:
        // 2Y (10,438, 0 t), 2Y again under 5/3 t (dominated: dropped), X+Y (7,938, 2.5 t), 2X (5,438, 5 t)
        ProcurementPlan plan = Fixtures.solve(dirtyOrClean(4));
        List<ParetoPoint> frontier = plan.paretoFrontier();
        assertThat(frontier).hasSize(3);
        double[][] expected = {{5_438, 5}, {7_938, 2.5}, {10_438, 0}};
        for (int i = 0; i < 3; i++) {
            ParetoPoint point = frontier.get(i);
            assertThat(point.costUsd()).isCloseTo(expected[i][0], within(0.01));
            assertThat(point.carbonTonnes()).isCloseTo(expected[i][1], within(1e-6));
            assertThat(point.violations()).isEmpty();
            assertThat(point.status()).isEqualTo(PlanStatus.OPTIMAL);
        }
        assertThat(frontier.get(1).acceleratorsBoughtBySku())
                .containsEntry("X", 1)
                .containsEntry("Y", 1);
        assertThat(frontier.get(0).carbonCapTonnes()).isNull();
        assertThat(frontier.get(2).carbonCapTonnes()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void frontierIsNonDominatedAndMonotone() {
        ProcurementPlan plan = Fixtures.solve(dirtyOrClean(8));
        List<ParetoPoint> frontier = plan.paretoFrontier();
        assertThat(frontier).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < frontier.size(); i++) {
            assertThat(frontier.get(i).costUsd())
                    .isGreaterThan(frontier.get(i - 1).costUsd());
            assertThat(frontier.get(i).carbonTonnes())
                    .isLessThan(frontier.get(i - 1).carbonTonnes());
        }
    }

    /** Two accelerators' demand for one quarter, or four with probability one half; cloud at $2/h beside buying X. */
    static ProcurementProblem lowOrHigh() {
        ProcurementProblem p = Fixtures.twoAccelerators(1.0, true);
        TwoStage twoStage = new TwoStage(
                1,
                List.of(
                        new Scenario("low", 0.5, null, null, null, null, 1.0, null),
                        new Scenario("high", 0.5, null, null, null, null, 2.0, null)));
        return new ProcurementProblem(
                1, null, p.catalogue(), p.sites(), p.workloads(), p.policy(), List.of(), null, twoStage);
    }

    @Test
    void twoStageBuysForTheLowScenarioAndBeatsTheExpectedValuePlan() {
        // owned busy 2,719, owned idle 2,543.80, cloud 4,380 per accelerator-quarter.
        // EV (3 accelerators): low 7,500 + 3 x 43.80 + 2 x 175.20 = 7,981.80; high 3 x 2,719 + 4,380 = 12,537
        //   -> EEV 10,259.40. Two-stage buys 2: low 5,438, high 5,438 + 2 x 4,380 = 14,198 -> 9,818; VSS 441.40
        TwoStageResult r = Fixtures.solve(lowOrHigh()).twoStage();
        assertThat(r.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(r.expectedCostUsd()).isCloseTo(9_818.0, within(0.01));
        assertThat(r.expectedValuePlanUsd()).isCloseTo(10_259.40, within(0.01));
        assertThat(r.valueOfStochasticSolutionUsd()).isCloseTo(441.40, within(0.01));
        assertThat(r.firstStageOrders())
                .singleElement()
                .satisfies(o -> assertThat(o.servers()).isEqualTo(2));
        assertThat(r.scenarios()).allSatisfy(s -> {
            assertThat(s.violations()).isEmpty();
            assertThat(s.acceleratorsBoughtBySku()).containsEntry("X", 2);
        });
        assertThat(r.scenarios().get(1).cloudAcceleratorQuarters()).isCloseTo(2.0, within(1e-6));
    }

    @Test
    void aSlippedOrderIsTheSameDecisionInEveryScenario() {
        // demand of two accelerators in the second quarter only; an order placed in the first quarter arrives then
        // (charged half its price: two of four life quarters in the horizon) or, one quarter late, in the second.
        // Ordering in the first quarter: on time 2 x (5,000 + 43.80 idle + 219) = 10,525.60, late 2 x 2,719 ->
        // 7,981.80.
        // Waiting: on time orders in the second quarter (5,438), late has nothing delivered in time and rents
        // cloud (8,760) -> 7,099, the optimum. The EV plan (slip 0.5 rounded to 1) orders early: EEV 7,981.80.
        ProcurementProblem p = Fixtures.twoAccelerators(1.0, true);
        var load = p.workloads().get(0);
        var secondQuarter = new dev.computeplan.procurement.model.Workload(
                load.name(),
                load.type(),
                List.of(0.0, 2 * RATE),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                load.measured(),
                null);
        TwoStage twoStage = new TwoStage(
                1,
                List.of(
                        new Scenario("on time", 0.5, null, null, null, null, null, null),
                        new Scenario("late", 0.5, null, null, null, null, null, 1)));
        ProcurementProblem problem = new ProcurementProblem(
                2,
                null,
                p.catalogue(),
                List.of(Fixtures.site(2, 1.0, List.of())),
                List.of(secondQuarter),
                p.policy(),
                List.of(),
                null,
                twoStage);
        TwoStageResult r = Fixtures.solve(problem).twoStage();
        assertThat(r.expectedCostUsd()).isCloseTo(7_099.0, within(0.01));
        assertThat(r.expectedValuePlanUsd()).isCloseTo(7_981.80, within(0.01));
        assertThat(r.valueOfStochasticSolutionUsd()).isCloseTo(882.80, within(0.01));
        assertThat(r.firstStageOrders()).isEmpty();
        assertThat(r.scenarios()).allSatisfy(s -> assertThat(s.violations()).isEmpty());
        assertThat(r.scenarios().get(1).cloudAcceleratorQuarters()).isCloseTo(2.0, within(1e-6));
    }
}
