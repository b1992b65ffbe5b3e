package dev.computeplan.procurement;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.procurement.api.ProcurementRequest;
import dev.computeplan.procurement.explain.PlanChecker;
import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.MeasuredThroughput;
import dev.computeplan.procurement.model.Policy;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Variant;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.model.WorkloadType;
import dev.computeplan.procurement.solver.ProcurementSolver;
import dev.computeplan.procurement.solver.ProcurementSolverSettings;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Tiny scenarios whose optimum is worked out by hand. Shared numbers: one accelerator per server, 1,000 W board
 * power, no server overhead, PUE 1, $0.10/kWh, no discounting, idle draw 20 %.
 * One busy owned accelerator for one quarter: energy 2,190 h x 1 kW = 2,190 kWh x $0.10 = $219.00
 * (idle share 438 kWh = $43.80 on the installed server + active share 1,752 kWh = $175.20 on the busy one).
 * Training at a measured 500 TFLOPS: 500 / 1000 x 2,190 / 24 = 45.625 PFLOP-days per accelerator-quarter.
 */
public final class Fixtures {

    public static final double RATE = 45.625;

    /** A limit that only guards against a hang: these problems stop when SCIP proves them optimal within the gap. */
    public static final Duration SAFETY_LIMIT = Duration.ofSeconds(60);

    private Fixtures() {}

    /** SKU X: $10,000 per accelerator, life 4 quarters, cloud $2/h unless changed. */
    public static Sku skuX(Integer lead, Double cloudUsdPerHour) {
        return sku("X", "VendorA", 10_000.0, cloudUsdPerHour, lead, 4, 0.0);
    }

    public static Sku sku(String name, String vendor, Double price, Double cloud, Integer lead, int life, double opex) {
        return new Sku(
                name, vendor, 80.0, 2.0, 1000.0, 2000.0, 1000.0, 1, 900.0, 0.0, 1, price, 0.0, null, cloud, lead, life,
                0.0, opex, null, null, null, "test");
    }

    public static Site site(int quarters, double mw, List<ExistingServers> fleet) {
        return new Site(
                "S",
                Collections.nCopies(quarters, mw),
                Collections.nCopies(quarters, 100.0),
                1.0,
                0.10,
                0.0,
                null,
                fleet);
    }

    public static Workload training(int quarters, double perQuarter, String... measuredOn) {
        List<MeasuredThroughput> measured = java.util.Arrays.stream(measuredOn)
                .map(s -> new MeasuredThroughput(s, 500.0, "test"))
                .toList();
        return new Workload(
                "T",
                WorkloadType.TRAINING,
                Collections.nCopies(quarters, perQuarter),
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
                measured,
                null);
    }

    public static Policy policy(boolean allowCloud) {
        return new Policy(0.0, 0.0, null, false, allowCloud, 0.0, 1.0, 0.4, 0.2, null, null);
    }

    public static ProcurementProblem problem(
            int quarters, List<Sku> skus, Site site, Workload load, Policy policy, List<Variant> variants) {
        return new ProcurementProblem(quarters, null, skus, List.of(site), List.of(load), policy, variants);
    }

    /** The base case: one quarter, demand of two accelerators (91.25 PFLOP-days), 1 MW. */
    public static ProcurementProblem twoAccelerators(double mw, boolean allowCloud) {
        return problem(
                1,
                List.of(skuX(0, 2.0)),
                site(1, mw, List.of()),
                training(1, 2 * RATE, "X"),
                policy(allowCloud),
                List.of());
    }

    /** The two-accelerator case with one what-if (purchase price x2). */
    public static ProcurementProblem twoAcceleratorsWithVariant() {
        ProcurementProblem base = twoAccelerators(1.0, true);
        return new ProcurementProblem(
                1,
                null,
                base.catalogue(),
                base.sites(),
                base.workloads(),
                base.policy(),
                List.of(new Variant("price x2", 2.0, null, null, null, null, null)));
    }

    /** The solver with default settings and the independent checker, as the kind wires it. */
    public static ProcurementSolver solver() {
        return new ProcurementSolver(ProcurementSolverSettings.defaults(), PlanChecker::verdict);
    }

    /** Solves a problem small enough to be proven optimal well inside {@link #SAFETY_LIMIT}. */
    public static ProcurementPlan solve(ProcurementProblem problem) {
        return solver().solve(problem, null, SAFETY_LIMIT, r -> {}, () -> false);
    }

    /** The same problem as a request (the wire shape is the model's field by field). */
    public static ProcurementRequest request(ProcurementProblem problem) {
        return new ObjectMapper().convertValue(problem, ProcurementRequest.class);
    }
}
