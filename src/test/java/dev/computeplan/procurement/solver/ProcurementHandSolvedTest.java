package dev.computeplan.procurement.solver;

import static dev.computeplan.procurement.Fixtures.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.explain.PlanChecker;
import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios small enough to solve by hand: the solver must find exactly the hand optimum, and the checker agree. */
class ProcurementHandSolvedTest {

    static ProcurementPlan solve(ProcurementProblem problem) {
        return Fixtures.solve(problem);
    }

    static void assertCheckedOptimum(ProcurementProblem problem, ProcurementPlan plan, double expected) {
        assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(plan.message()).isNull();
        assertThat(plan.objectiveUsd()).isCloseTo(expected, within(0.01));
        PlanChecker.Result check = PlanChecker.check(problem, plan);
        assertThat(check.violations()).isEmpty();
        assertThat(check.costs().totalUsd()).isCloseTo(plan.objectiveUsd(), within(1e-6 * expected));
    }

    @Test
    void buysTwoServersWhenOwningIsCheaperThanCloud() {
        // owned accelerator for one quarter: capex 10,000 x residual min(4, 1 - 0)/4 = 2,500 + energy 219.00 = 2,719
        // cloud accelerator for one quarter: 2,190 h x $2 = 4,380  -> buy 2 servers: 2 x 2,719 = 5,438
        ProcurementProblem problem = Fixtures.twoAccelerators(1.0, true);
        ProcurementPlan plan = solve(problem);
        assertCheckedOptimum(problem, plan, 5_438.0);
        assertThat(plan.purchases()).singleElement().satisfies(b -> {
            assertThat(b.servers()).isEqualTo(2);
            assertThat(b.quarter()).isZero();
        });
        assertThat(plan.assignments()).allMatch(a -> a.source().equals("OWNED"));
        assertThat(plan.costs().capexUsd()).isCloseTo(5_000.0, within(1e-6));
        assertThat(plan.costs().energyUsd()).isCloseTo(438.0, within(1e-6));
    }

    @Test
    void powerCapForcesCloudBurstForTheSecondAccelerator() {
        // 1.5 kW fits one 1 kW server (PUE 1): 2,719 owned + 4,380 cloud = 7,099
        ProcurementProblem problem = Fixtures.twoAccelerators(0.0015, true);
        ProcurementPlan plan = solve(problem);
        assertCheckedOptimum(problem, plan, 7_099.0);
        assertThat(plan.purchases())
                .singleElement()
                .satisfies(b -> assertThat(b.servers()).isEqualTo(1));
        assertThat(plan.assignments()).anySatisfy(a -> {
            assertThat(a.source()).isEqualTo("CLOUD");
            assertThat(a.accelerators()).isCloseTo(1.0, within(1e-6));
        });
    }

    @Test
    void cheapCloudWinsOverBuying() {
        // cloud at $1/h: 2,190 per accelerator-quarter < 2,719 owned -> 2 cloud accelerators = 4,380, nothing bought
        ProcurementProblem problem = Fixtures.problem(
                1,
                List.of(Fixtures.skuX(0, 1.0)),
                Fixtures.site(1, 1.0, List.of()),
                Fixtures.training(1, 2 * RATE, "X"),
                Fixtures.policy(true),
                List.of());
        ProcurementPlan plan = solve(problem);
        assertCheckedOptimum(problem, plan, 4_380.0);
        assertThat(plan.purchases()).isEmpty();
    }

    @Test
    void expensiveOldServersAreRetiredCheapOnesKept() {
        // OLD: existing, no purchase price, opex per server-quarter; demand 1 accelerator (45.625 PFLOP-days), no
        // cloud.
        // keep OLD: opex + energy 219 ; buy X: 2,719.
        // opex 5,000 -> keep costs 5,219 > 2,719: retire OLD, buy one X, total 2,719
        // opex 1,000 -> keep costs 1,219 < 2,719: keep OLD, buy nothing, total 1,219
        for (double[] c : new double[][] {{5_000, 2_719, 0, 1}, {1_000, 1_219, 1, 0}}) {
            ProcurementProblem problem = Fixtures.problem(
                    1,
                    List.of(Fixtures.skuX(0, null), Fixtures.sku("OLD", "VendorA", null, null, 0, 8, c[0])),
                    Fixtures.site(1, 1.0, List.of(new ExistingServers("OLD", 1, 0))),
                    Fixtures.training(1, RATE, "X", "OLD"),
                    Fixtures.policy(false),
                    List.of());
            ProcurementPlan plan = solve(problem);
            assertCheckedOptimum(problem, plan, c[1]);
            assertThat(plan.existingFleet())
                    .singleElement()
                    .satisfies(r -> assertThat(r.keptServers()).containsExactly((int) c[2]));
            assertThat(plan.purchases().stream()
                            .mapToInt(ProcurementPlan.Purchase::servers)
                            .sum())
                    .isEqualTo((int) c[3]);
        }
    }

    @Test
    void leadTimeMeansCloudFirstThenBuy() {
        // two quarters, 1 accelerator each, X has lead time 1: Q1 cloud 4,380; Q2 buy: capex 10,000 x min(4, 2-1)/4 =
        // 2,500
        // + energy 219 -> 2,719. Total 7,099. (Buying in Q2 is the only owned option.)
        ProcurementProblem problem = Fixtures.problem(
                2,
                List.of(Fixtures.skuX(1, 2.0)),
                Fixtures.site(2, 1.0, List.of()),
                Fixtures.training(2, RATE, "X"),
                Fixtures.policy(true),
                List.of());
        ProcurementPlan plan = solve(problem);
        assertCheckedOptimum(problem, plan, 7_099.0);
        assertThat(plan.purchases())
                .singleElement()
                .satisfies(b -> assertThat(b.quarter()).isEqualTo(1));
    }

    @Test
    void variantsAreSolvedBesideTheBase() {
        // purchase price x2: owned = 5,000 + 219 = 5,219 > cloud 4,380 -> cloud for both, 8,760
        ProcurementProblem base = Fixtures.twoAccelerators(1.0, true);
        ProcurementProblem problem = new ProcurementProblem(
                1,
                null,
                base.catalogue(),
                base.sites(),
                base.workloads(),
                base.policy(),
                List.of(
                        new Variant("price x2", 2.0, null, null, null, null, null),
                        new Variant("demand +50%", null, null, null, null, 1.5, null),
                        new Variant("price x1.0001", 1.0001, null, null, null, null, null)));
        ProcurementPlan plan = solve(problem);
        assertThat(plan.objectiveUsd()).isCloseTo(5_438.0, within(0.01));
        assertThat(plan.variants()).hasSize(3);
        assertThat(plan.variants().get(0).objectiveUsd()).isCloseTo(8_760.0, within(0.01));
        assertThat(plan.variants().get(0).acceleratorsBoughtBySku()).isEmpty();
        // demand 3 accelerators: buy 3 x 2,719 = 8,157
        assertThat(plan.variants().get(1).objectiveUsd()).isCloseTo(8_157.0, within(0.01));
        assertThat(plan.variants()).allSatisfy(v -> assertThat(v.violations()).isEmpty());
        // +3,322 against a tolerance of at most 0.1 % of each objective: an effect
        assertThat(plan.variants().get(0).changeUsd()).isCloseTo(3_322.0, within(0.01));
        assertThat(plan.variants().get(0).withinTolerance()).isFalse();
        // keeping the two servers at twice the price costs 10,000 + 438 = 10,438 > 8,760 + tolerance: a real switch
        assertThat(plan.variants().get(0).basePlanUsd()).isCloseTo(10_438.0, within(0.01));
        assertThat(plan.variants().get(0).compositionWithinTolerance()).isFalse();
        // capex 5,000 x 1.0001: +0.50, less than the common gap 0.1 % x 5,438.50 = 5.44 -> within tolerance
        ProcurementPlan.VariantResult tiny = plan.variants().get(2);
        assertThat(tiny.changeUsd()).isCloseTo(0.5, within(1e-6));
        assertThat(tiny.toleranceUsd()).isCloseTo(5.4385, within(1e-6));
        assertThat(tiny.withinTolerance()).isTrue();
        assertThat(tiny.acceleratorsBoughtBySku()).containsEntry("X", 2);
        assertThat(tiny.compositionWithinTolerance()).isTrue();
    }
}
