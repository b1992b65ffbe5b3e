package dev.computeplan.procurement.model;

import java.util.List;

/** Applies a what-if variant to a problem: the same request with prices, demand or carbon price changed. */
public final class Variants {

    private Variants() {}

    public static ProcurementProblem apply(ProcurementProblem p, Variant v) {
        List<Sku> catalogue = p.catalogue().stream().map(s -> scaled(s, v)).toList();
        List<Site> sites = p.sites().stream().map(s -> scaled(s, v)).toList();
        List<Workload> workloads = p.workloads().stream().map(w -> scaled(w, v)).toList();
        return new ProcurementProblem(
                p.horizonQuarters(),
                p.firstQuarter(),
                catalogue,
                sites,
                workloads,
                scaled(p.policy(), v),
                List.of(),
                p.throughputCatalogue());
    }

    /** The problem with carbon priced at 0: money alone, for a cost-versus-carbon trade-off. */
    public static ProcurementProblem moneyOnly(ProcurementProblem p) {
        return apply(p, new Variant("money only", null, null, null, null, null, 0.0));
    }

    private static Sku scaled(Sku s, Variant v) {
        return new Sku(
                s.name(),
                s.vendor(),
                s.memoryGb(),
                s.memoryBandwidthTbs(),
                s.bf16Tflops(),
                s.fp8Tflops(),
                s.boardPowerW(),
                s.acceleratorsPerServer(),
                s.interconnectGbs(),
                s.serverOverheadFraction(),
                s.serverRackUnits(),
                times(s.purchaseUsd(), v.purchasePriceFactor()),
                times(s.serverUsd(), v.purchasePriceFactor()),
                times(s.leaseUsdPerHour(), v.leasePriceFactor()),
                times(s.cloudUsdPerHour(), v.cloudPriceFactor()),
                s.leadTimeQuarters() + v.leadTimeSlipQuarters(),
                s.usefulLifeQuarters(),
                s.embodiedKgCo2ePerAccelerator(),
                s.opexUsdPerServerQuarter(),
                s.availability(),
                s.leaseAvailability(),
                s.cloudAvailability(),
                s.assumptions(),
                s.fp4Tflops());
    }

    private static Site scaled(Site s, Variant v) {
        return new Site(
                s.name(),
                s.powerMw(),
                s.rackUnits(),
                s.pue(),
                s.electricityUsdPerKwh() * v.energyPriceFactor(),
                s.carbonGPerKwh(),
                s.capexBudgetUsd(),
                s.existingFleet());
    }

    private static Workload scaled(Workload w, Variant v) {
        return new Workload(
                w.name(),
                w.type(),
                w.demand().stream().map(d -> d * v.demandFactor()).toList(),
                w.demandUnit(),
                w.referenceSku(),
                w.minMemoryGb(),
                w.minInterconnectGbs(),
                w.trainingPrecision(),
                w.modelParamsBillions(),
                w.kvCacheGbPerReplica(),
                w.precisions(),
                w.measuredPrecision(),
                w.decodeShare(),
                w.measured(),
                w.allowCloud(),
                w.workloadClass());
    }

    private static Policy scaled(Policy o, Variant v) {
        return new Policy(
                o.discountRatePerYear(),
                v.carbonUsdPerTonne() != null ? v.carbonUsdPerTonne() : o.carbonUsdPerTonne(),
                o.maxVendorShare(),
                o.allowLease(),
                o.allowCloud(),
                o.cloudCarbonGPerKwh(),
                o.cloudPue(),
                o.mfu(),
                o.idlePowerFraction(),
                o.usableMemoryFraction(),
                o.capexBudgetUsd());
    }

    private static Double times(Double value, double factor) {
        return value == null ? null : value * factor;
    }
}
