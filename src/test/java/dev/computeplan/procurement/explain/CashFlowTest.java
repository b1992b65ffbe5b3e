package dev.computeplan.procurement.explain;

import static dev.computeplan.procurement.Fixtures.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.model.CashFlow;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.Policy;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Sku;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's cash as booked (undiscounted, purchases gross at delivery) beside the discounted, amortised objective. */
class CashFlowTest {

    // X: $10,000 a server of one accelerator, life 4 quarters, lead time 1, 2,000 kg embodied, cloud $2/h
    private static final Sku X = new Sku(
            "X", "VendorA", 80.0, 2.0, 1000.0, 2000.0, 1000.0, 1, 900.0, 0.0, 1, 10_000.0, 0.0, null, 2.0, 1, 4, 2000.0,
            0.0, null, null, null, "test");

    private static ProcurementProblem twoQuarters() {
        // 8 % a year, no carbon price, company capex budget $40,000 a quarter
        Policy policy =
                new Policy(0.08, 0.0, null, false, true, 0.0, 1.0, null, 0.2, null, List.of(40_000.0, 40_000.0));
        return Fixtures.problem(
                2, List.of(X), Fixtures.site(2, 1.0, List.of()), Fixtures.training(2, RATE, "X"), policy, List.of());
    }

    @Test
    void cashCapexIsGrossAndUndiscountedWhileTheObjectiveChargesTheDiscountedInHorizonShare() {
        ProcurementProblem problem = twoQuarters();
        ProcurementPlan plan = Fixtures.solve(problem);
        assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
        CashFlow cash = plan.cashFlow();
        assertThat(cash).isNotNull();
        double d1 = Math.pow(1.08, -0.25);
        // Q1: one cloud accelerator, 2,190 h x $2 = 4,380; Q2: one server delivered, paid in full: 10,000
        // Q2 energy: 2,190 h x 1 kW x PUE 1 x (0.2 idle + 0.8 busy) = 2,190 kWh x $0.10 = 219
        assertThat(cash.quarters()).hasSize(2);
        assertThat(cash.quarters().get(0).cloudUsd()).isCloseTo(4_380.0, within(1e-6));
        assertThat(cash.quarters().get(0).cashCapexUsd()).isZero();
        assertThat(cash.quarters().get(1).cashCapexUsd()).isCloseTo(10_000.0, within(1e-6));
        assertThat(cash.quarters().get(1).energyUsd()).isCloseTo(219.0, within(1e-6));
        assertThat(cash.quarters().get(1).totalCashUsd()).isCloseTo(10_219.0, within(1e-6));
        assertThat(cash.quarters().get(1).discountFactor()).isCloseTo(d1, within(1e-12));
        assertThat(cash.cashCapexUsd()).isCloseTo(10_000.0, within(1e-6));
        assertThat(cash.cloudCommitmentsUsd()).isCloseTo(4_380.0, within(1e-6));
        assertThat(cash.totalCashUsd()).isCloseTo(14_599.0, within(1e-6));
        // objective: capex net of residual value, 10,000 x min(4, 2 - 1) / 4 = 2,500, discounted one quarter
        assertThat(cash.discountedNetCapexUsd()).isCloseTo(2_500.0 * d1, within(1e-6));
        assertThat(cash.discountedNetCapexUsd()).isEqualTo(plan.costs().capexUsd());
        assertThat(cash.discountedObjectiveUsd()).isCloseTo(4_380.0 + d1 * 2_719.0, within(1e-6));
        // embodied carbon: 2 t booked at purchase (GHG Protocol category 2); a quarter of it in the objective
        assertThat(cash.embodiedTonnesAtPurchase()).isCloseTo(2.0, within(1e-9));
        assertThat(cash.quarters().get(1).embodiedTonnesAtPurchase()).isCloseTo(2.0, within(1e-9));
        assertThat(cash.embodiedTonnesAmortised()).isCloseTo(0.5, within(1e-9));
        // budget use: company budget, nothing in Q1, 10,000 of 40,000 in Q2
        assertThat(cash.budgets()).hasSize(2);
        assertThat(cash.budgets().get(1)).satisfies(b -> {
            assertThat(b.site()).isNull();
            assertThat(b.usedUsd()).isCloseTo(10_000.0, within(1e-6));
            assertThat(b.usedShare()).isCloseTo(0.25, within(1e-12));
        });
    }
}
