package dev.computeplan.procurement.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementPlan.Purchase;
import dev.computeplan.procurement.model.ProcurementPlan.Retention;
import dev.computeplan.procurement.model.ProcurementProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker must catch each kind of broken plan, not only bless good ones. */
class PlanCheckerTest {

    private static ProcurementPlan with(ProcurementPlan plan, List<Purchase> purchases, List<Retention> fleet) {
        return plan.toBuilder().purchases(purchases).existingFleet(fleet).build();
    }

    @Test
    void missingServersBreakBusyCapacity() {
        ProcurementProblem problem = Fixtures.twoAccelerators(1.0, true);
        ProcurementPlan plan = Fixtures.solve(problem);
        ProcurementPlan broken = with(plan, List.of(new Purchase("X", "S", 0, "Q1", 1, 1)), plan.existingFleet());
        assertThat(PlanChecker.check(problem, broken).violations())
                .singleElement()
                .asString()
                .contains("2.00 busy accelerators but only 1 installed");
    }

    @Test
    void tooManyServersBreakThePowerLimitAndAreCostedAsCapex() {
        // 3 servers x 1 kW = 3 kW > 2 kW; capex 3 x 2,500 = 7,500
        ProcurementProblem problem = Fixtures.twoAccelerators(0.002, true);
        ProcurementPlan plan = Fixtures.solve(problem);
        ProcurementPlan broken = with(plan, List.of(new Purchase("X", "S", 0, "Q1", 3, 3)), plan.existingFleet());
        PlanChecker.Result result = PlanChecker.check(problem, broken);
        assertThat(result.violations()).singleElement().asString().contains("0.003 MW needed, 0.002 MW available");
        assertThat(result.costs().capexUsd()).isEqualTo(7_500.0);
    }

    @Test
    void uncoveredDemandAndEarlyDeliveryAreReported() {
        ProcurementProblem problem = Fixtures.problem(
                1,
                List.of(Fixtures.skuX(1, null)),
                Fixtures.site(1, 1.0, List.of()),
                Fixtures.training(1, Fixtures.RATE, "X"),
                Fixtures.policy(false),
                List.of());
        ProcurementPlan empty = ProcurementPlan.unsolved(PlanStatus.FEASIBLE, null);
        ProcurementPlan early = with(empty, List.of(new Purchase("X", "S", 0, "Q1", 1, 1)), List.of());
        assertThat(PlanChecker.check(problem, early).violations())
                .anyMatch(v -> v.contains("breaks its lead time of 1 quarters"))
                .anyMatch(v -> v.contains("T in Q1: delivers 0.00 of 45.63"));
    }

    @Test
    void retiredServersCannotComeBackNorOutliveTheirLife() {
        // OLD has a life of 2 quarters and is 1 quarter old: it may serve Q1 only
        ProcurementProblem problem = Fixtures.problem(
                2,
                List.of(Fixtures.skuX(0, null), Fixtures.sku("OLD", "VendorA", null, null, 0, 2, 0)),
                Fixtures.site(2, 1.0, List.of(new ExistingServers("OLD", 2, 1))),
                Fixtures.training(2, 0.0, "X"),
                Fixtures.policy(false),
                List.of());
        ProcurementPlan empty = ProcurementPlan.unsolved(PlanStatus.FEASIBLE, null);
        ProcurementPlan plan = with(empty, List.of(), List.of(new Retention("S", 0, "OLD", 2, 1, List.of(1, 2))));
        assertThat(PlanChecker.check(problem, plan).violations())
                .anyMatch(v -> v.contains("2 kept in Q2 but only 1 were there"))
                .anyMatch(v -> v.contains("kept beyond their useful life in Q2"));
    }
}
