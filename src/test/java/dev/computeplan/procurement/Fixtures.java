package dev.computeplan.procurement;

import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.MeasuredThroughput;
import dev.computeplan.procurement.model.Policy;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Variant;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.model.WorkloadType;
import java.util.Collections;
import java.util.List;

/**
 * Tiny scenarios whose optimum is worked out by hand. Shared numbers: one accelerator per server, 1,000 W board
 * power, no server overhead, PUE 1, $0.10/kWh, no discounting, idle draw 20 %.
 * One busy owned accelerator for one quarter: energy 2,190 h x 1 kW = 2,190 kWh x $0.10 = $219.00
 * (idle share 438 kWh = $43.80 on the installed server + active share 1,752 kWh = $175.20 on the busy one).
 * Training at a measured 500 TFLOPS: 500 / 1000 x 2,190 / 24 = 45.625 PFLOP-days per accelerator-quarter.
 */
final class Fixtures {

    static final double RATE = 45.625;

    private Fixtures() {
    }

    /** SKU X: $10,000 per accelerator, life 4 quarters, cloud $2/h unless changed. */
    static Sku skuX(Integer lead, Double cloudUsdPerHour) {
        return sku("X", "VendorA", 10_000.0, cloudUsdPerHour, lead, 4, 0.0);
    }

    static Sku sku(String name, String vendor, Double price, Double cloud, Integer lead, int life, double opex) {
        return new Sku(name, vendor, 80.0, 2.0, 1000.0, 2000.0, 1000.0, 1, 900.0, 0.0, 1, price, 0.0, null, cloud,
                lead, life, 0.0, opex, null, null, null, "test");
    }

    static Site site(int quarters, double mw, List<ExistingServers> fleet) {
        return new Site("S", Collections.nCopies(quarters, mw), Collections.nCopies(quarters, 100.0), 1.0, 0.10, 0.0,
                null, fleet);
    }

    static Workload training(int quarters, double perQuarter, String... measuredOn) {
        List<MeasuredThroughput> measured = java.util.Arrays.stream(measuredOn)
                .map(s -> new MeasuredThroughput(s, 500.0, "test")).toList();
        return new Workload("T", WorkloadType.TRAINING, Collections.nCopies(quarters, perQuarter), null, null, null, null,
                null, null, null, null, null, null, measured, null);
    }

    static Policy policy(boolean allowCloud) {
        return new Policy(0.0, 0.0, null, false, allowCloud, 0.0, 1.0, null, 0.2, null, null);
    }

    static ProcurementProblem problem(int quarters, List<Sku> skus, Site site, Workload load, Policy policy, List<Variant> variants) {
        return new ProcurementProblem(quarters, null, skus, List.of(site), List.of(load), policy, variants);
    }

    /** The base case: one quarter, demand of two accelerators (91.25 PFLOP-days), 1 MW. */
    static ProcurementProblem twoAccelerators(double mw, boolean allowCloud) {
        return problem(1, List.of(skuX(0, 2.0)), site(1, mw, List.of()), training(1, 2 * RATE, "X"), policy(allowCloud), List.of());
    }
}
