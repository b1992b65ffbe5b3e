package dev.computeplan.procurement.explain;

import static dev.computeplan.procurement.Fixtures.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.Policy;
import dev.computeplan.procurement.model.Precision;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.model.WorkloadType;
import dev.computeplan.procurement.solver.ProcurementSolverSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcurementExplanationTest {

    @Test
    void infeasibleRequestNamesTheConflictingRequirements() {
        // 2 accelerators needed, 1.5 kW fits one server, no cloud: demand, the power limit and the cloud switch
        // conflict
        // power needed: 91.25 / 45.625 = 2 accelerators x 1,000 W x PUE 1 = 0.002 MW
        ProcurementProblem problem = Fixtures.twoAccelerators(0.0015, false);
        ProcurementPlan plan = Fixtures.solve(problem);
        assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(plan.conflict())
                .containsExactlyInAnyOrder(
                        "demand of T in Q1 (91 PFLOP-days/quarter; needs at least 0.002 MW of site power)",
                        "power limit of S in Q1 (0.0015 MW incl. PUE 1.00)",
                        "cloud burst is switched off (policy allowCloud: false)");
        Explanation e = ProcurementExplainer.explain(problem, plan, ProcurementSolverSettings.defaults());
        assertThat(e.conflict()).isEqualTo(plan.conflict());
        assertThat(e.summary()).contains("No plan meets every requirement");
    }

    @Test
    void leadTimeConflictIsNamed() {
        // one quarter, X arrives only after 1 quarter, no cloud: demand and the lead time conflict (power is ample)
        ProcurementProblem problem = Fixtures.problem(
                1,
                List.of(Fixtures.skuX(1, 2.0)),
                Fixtures.site(1, 1.0, List.of()),
                Fixtures.training(1, RATE, "X"),
                Fixtures.policy(false),
                List.of());
        ProcurementPlan plan = Fixtures.solve(problem);
        assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(plan.conflict())
                .hasSize(3)
                .anyMatch(c -> c.equals("lead time of X (1 quarter: first delivery in Q2)"))
                .anyMatch(c -> c.equals("cloud burst is switched off (policy allowCloud: false)"))
                .anyMatch(c -> c.startsWith("demand of T in Q1"));
    }

    @Test
    void conflictNamesThePolicySwitchesAndWhatTurningEachCosts() {
        // one quarter, X (lead time 1, lease $1/h) cannot arrive in time; leasing and cloud are off.
        // leasing on: one server leased, 2,190 h x $1 = 2,190 + energy 219 = 2,409
        // no lead time: bought in Q1, 10,000 x min(4, 1)/4 = 2,500 + 219 = 2,719
        // cloud on: 2,190 h x $2 = 4,380; dropping the demand: nothing to pay, but listed last
        Sku leasable = new Sku(
                "X", "VendorA", 80.0, 2.0, 1000.0, 2000.0, 1000.0, 1, 900.0, 0.0, 1, 10_000.0, 0.0, 1.0, 2.0, 1, 4, 0.0,
                0.0, null, null, null, "test");
        ProcurementProblem problem = Fixtures.problem(
                1,
                List.of(leasable),
                Fixtures.site(1, 1.0, List.of()),
                Fixtures.training(1, RATE, "X"),
                new Policy(0.0, 0.0, null, false, false, 0.0, 1.0, null, 0.2, null, null),
                List.of());
        ProcurementPlan plan = Fixtures.solve(problem);
        assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(plan.conflict())
                .containsExactlyInAnyOrder(
                        "demand of T in Q1 (46 PFLOP-days/quarter)",
                        "lead time of X (1 quarter: first delivery in Q2)",
                        "leasing is switched off (policy allowLease: false)",
                        "cloud burst is switched off (policy allowCloud: false)");
        assertThat(plan.repairs())
                .extracting(ProcurementPlan.Repair::requirement)
                .containsExactly(
                        "leasing is switched off (policy allowLease: false)",
                        "lead time of X (1 quarter: first delivery in Q2)",
                        "cloud burst is switched off (policy allowCloud: false)",
                        "demand of T in Q1 (46 PFLOP-days/quarter)");
        assertThat(plan.repairs())
                .extracting(ProcurementPlan.Repair::objectiveUsd)
                .containsExactly(2_409.0, 2_719.0, 4_380.0, 0.0);
        Explanation e = ProcurementExplainer.explain(problem, plan, ProcurementSolverSettings.defaults());
        assertThat(e.summary()).contains("the cheapest way out: relax \"leasing is switched off");
    }

    @Test
    void conflictNamesAnFp8RuleThatShutsTheExistingFleetOut() {
        // OLD (no FP8) is installed and could serve a BF16 job; the job trains at FP8 only and nothing can be bought
        Sku old = new Sku(
                "OLD", "VendorA", 80.0, 2.0, 1000.0, null, 1000.0, 1, 900.0, 0.0, 1, null, null, null, null, 0, 8, 0.0,
                0.0, null, null, null, "test");
        Workload fp8 = new Workload(
                "T",
                WorkloadType.TRAINING,
                List.of(36.5),
                null,
                null,
                null,
                null,
                Precision.FP8,
                null,
                null,
                null,
                null,
                null,
                null,
                false);
        ProcurementProblem problem = Fixtures.problem(
                1,
                List.of(old),
                Fixtures.site(1, 1.0, List.of(new ExistingServers("OLD", 1, 0))),
                fp8,
                Fixtures.policy(false),
                List.of());
        ProcurementPlan plan = Fixtures.solve(problem);
        assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
        assertThat(plan.conflict())
                .contains("T trains at FP8 only (SKUs without FP8 may not train it at BF16)")
                .noneMatch(c -> c.contains("site power"));
        // lifted: the existing accelerator trains at BF16, 1,000 TFLOPS x MFU 0.4 = 400 TFLOPS x 2,190 h / 24 / 1,000
        // = 36.5 PFLOP-days a quarter, the whole demand; it costs its energy, 219
        assertThat(plan.repairs()).first().satisfies(r -> {
            assertThat(r.requirement()).startsWith("T trains at FP8 only");
            assertThat(r.objectiveUsd()).isCloseTo(219.0, within(0.01));
        });
    }

    @Test
    void bindingPowerIsWorthTheSecondServerAndDemandIsPricedAtTheCloudRate() {
        // power-capped case: 7,099 now; with one more MW both accelerators are owned: 5,438 -> saves 1,661
        // marginal demand is served by cloud: 4,380 per accelerator-quarter / 45.625 PFLOP-days = 96.00 per PFLOP-day
        ProcurementProblem problem = Fixtures.twoAccelerators(0.0015, true);
        ProcurementPlan plan = Fixtures.solve(problem);
        Explanation e = ProcurementExplainer.explain(problem, plan, ProcurementSolverSettings.defaults());
        assertThat(e.binding()).anySatisfy(b -> {
            assertThat(b.constraint()).isEqualTo("power[0,0]");
            assertThat(b.method()).isEqualTo("MIP re-solve");
            assertThat(b.usdPerUnit()).isCloseTo(1_661.0, within(0.01));
            assertThat(b.sentence()).startsWith("one more MW in S in Q1 would save $1,661");
            // 0.5 kW is left, less than the 1 kW server; lifting the limit saves the same 1,661, and 0.5 kW more
            // (0.0005 MW) is all it takes: 1,661 / 0.0005 = 3,322,000 per MW over that range
            assertThat(b.slack()).isCloseTo(0.0005, within(1e-12));
            assertThat(b.wholeSavingUsd()).isCloseTo(1_661.0, within(0.01));
            assertThat(b.incrementForWholeSaving()).isCloseTo(0.0005, within(1e-9));
            assertThat(b.usdPerUnitInRange()).isCloseTo(3_322_000.0, within(10.0));
            assertThat(b.sentence()).contains("whole saving of $1,661 is reached with 0.0005 MW more");
        });
        assertThat(e.binding()).anySatisfy(b -> {
            assertThat(b.constraint()).isEqualTo("demand[0,0]");
            assertThat(b.usdPerUnit()).isCloseTo(96.0, within(1e-6));
            assertThat(b.sentence()).contains("would cost $96.00");
        });
    }

    @Test
    void aLimitWithHeadroomLeftIsNotBinding() {
        // 1 MW, two 1 kW servers bought: 0.998 MW left, room for 998 more servers; the limit binds nothing
        ProcurementProblem problem = Fixtures.twoAccelerators(1.0, true);
        ProcurementPlan plan = Fixtures.solve(problem);
        Explanation e = ProcurementExplainer.explain(problem, plan, ProcurementSolverSettings.defaults());
        assertThat(e.binding()).noneMatch(b -> b.constraint().startsWith("power["));
    }

    @Test
    void aLimitUsedToTheLastWattIsBinding() {
        // 2 kW exactly fits the two servers: zero slack, and lifting the limit saves nothing (no more is needed)
        ProcurementProblem problem = Fixtures.twoAccelerators(0.002, true);
        ProcurementPlan plan = Fixtures.solve(problem);
        Explanation e = ProcurementExplainer.explain(problem, plan, ProcurementSolverSettings.defaults());
        assertThat(e.binding()).anySatisfy(b -> {
            assertThat(b.constraint()).isEqualTo("power[0,0]");
            assertThat(b.slack()).isCloseTo(0.0, within(1e-12));
            assertThat(b.wholeSavingUsd()).isCloseTo(0.0, within(0.01));
            assertThat(b.sentence()).contains("saves nothing beyond the solver's tolerance");
        });
    }

    @Test
    void costBreakdownAndUtilisationAddUp() {
        // capex 2,500 + energy 219 (owned accelerator) + cloud 4,380 = 7,099; the one owned server is fully busy
        ProcurementProblem problem = Fixtures.twoAccelerators(0.0015, true);
        ProcurementPlan plan = Fixtures.solve(problem);
        Explanation e = ProcurementExplainer.explain(problem, plan, ProcurementSolverSettings.defaults());
        assertThat(e.costs().byType()).containsEntry("capex", 2_500.0).containsKey("cloud");
        assertThat(e.costs().byType().get("energy")).isCloseTo(219.0, within(1e-6));
        assertThat(e.costs().byType().get("cloud")).isCloseTo(4_380.0, within(1e-6));
        assertThat(e.costs().bySite().get("S")).isCloseTo(2_719.0, within(1e-6));
        assertThat(e.costs().totalUsd()).isCloseTo(7_099.0, within(1e-6));
        assertThat(e.purchases())
                .singleElement()
                .satisfies(p -> assertThat(p.meanUtilisation()).isCloseTo(1.0, within(1e-9)));
        assertThat(e.checks()).singleElement().satisfies(c -> assertThat(c).startsWith("independent check passed"));
    }
}
