package dev.computeplan.procurement.api;

import dev.computeplan.procurement.model.CatalogueRow;
import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.MeasuredThroughput;
import dev.computeplan.procurement.model.Pareto;
import dev.computeplan.procurement.model.Policy;
import dev.computeplan.procurement.model.PrecisionOption;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Scenario;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.ThroughputCatalogue;
import dev.computeplan.procurement.model.TwoStage;
import dev.computeplan.procurement.model.Variant;
import dev.computeplan.procurement.model.Workload;
import java.util.List;
import java.util.function.Function;

/** Request records to the planning model. List order is kept, so a model index is the request's JSON index. */
public final class ProcurementMapper {

    private ProcurementMapper() {}

    public static ProcurementProblem toProblem(ProcurementRequest r) {
        return new ProcurementProblem(
                r.horizonQuarters(),
                r.firstQuarter(),
                map(r.catalogue(), ProcurementMapper::sku),
                map(r.sites(), ProcurementMapper::site),
                map(r.workloads(), ProcurementMapper::workload),
                r.policy() == null ? null : policy(r.policy()),
                map(r.variants(), ProcurementMapper::variant),
                r.pareto() == null ? null : new Pareto(r.pareto().points()),
                r.twoStage() == null ? null : twoStage(r.twoStage()),
                r.throughput() == null
                        ? null
                        : ThroughputCatalogue.embedded()
                                .withOverrides(map(r.throughput(), ProcurementMapper::override)));
    }

    static CatalogueRow override(ProcurementRequest.ThroughputOverride o) {
        return new CatalogueRow(
                o.sku(),
                null,
                o.workloadClass(),
                o.precision(),
                o.perAccelerator(),
                o.basis(),
                o.source(),
                null,
                null,
                true);
    }

    static Sku sku(ProcurementRequest.Sku s) {
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
                s.purchaseUsd(),
                s.serverUsd(),
                s.leaseUsdPerHour(),
                s.cloudUsdPerHour(),
                s.leadTimeQuarters(),
                s.usefulLifeQuarters(),
                s.embodiedKgCo2ePerAccelerator(),
                s.opexUsdPerServerQuarter(),
                s.availability(),
                s.leaseAvailability(),
                s.cloudAvailability(),
                s.assumptions(),
                s.fp4Tflops());
    }

    static Site site(ProcurementRequest.Site s) {
        return new Site(
                s.name(),
                s.powerMw(),
                s.rackUnits(),
                s.pue(),
                s.electricityUsdPerKwh(),
                s.carbonGPerKwh(),
                s.capexBudgetUsd(),
                map(s.existingFleet(), e -> new ExistingServers(e.sku(), e.servers(), e.ageQuarters())));
    }

    static Workload workload(ProcurementRequest.Workload w) {
        return new Workload(
                w.name(),
                w.type(),
                w.demand(),
                w.demandUnit(),
                w.referenceSku(),
                w.minMemoryGb(),
                w.minInterconnectGbs(),
                w.trainingPrecision(),
                w.modelParamsBillions(),
                w.kvCacheGbPerReplica(),
                map(w.precisions(), o -> new PrecisionOption(o.precision(), o.speedFactor())),
                w.measuredPrecision(),
                w.decodeShare(),
                map(w.measured(), m -> new MeasuredThroughput(m.sku(), m.perAccelerator(), m.source())),
                w.allowCloud(),
                w.workloadClass());
    }

    static Policy policy(ProcurementRequest.Policy p) {
        return new Policy(
                p.discountRatePerYear(),
                p.carbonUsdPerTonne(),
                p.maxVendorShare(),
                p.allowLease(),
                p.allowCloud(),
                p.cloudCarbonGPerKwh(),
                p.cloudPue(),
                p.mfu(),
                p.idlePowerFraction(),
                p.usableMemoryFraction(),
                p.capexBudgetUsd());
    }

    static Variant variant(ProcurementRequest.Variant v) {
        return new Variant(
                v.name(),
                v.purchasePriceFactor(),
                v.leasePriceFactor(),
                v.cloudPriceFactor(),
                v.energyPriceFactor(),
                v.demandFactor(),
                v.carbonUsdPerTonne(),
                v.leadTimeSlipQuarters());
    }

    static TwoStage twoStage(ProcurementRequest.TwoStage t) {
        return new TwoStage(
                t.firstStageQuarters(),
                map(
                        t.scenarios(),
                        s -> new Scenario(
                                s.name(),
                                s.probability(),
                                s.purchasePriceFactor(),
                                s.leasePriceFactor(),
                                s.cloudPriceFactor(),
                                s.energyPriceFactor(),
                                s.demandFactor(),
                                s.leadTimeSlipQuarters())));
    }

    /** Null stays null (the model then applies its default); elements are mapped in order. */
    private static <A, B> List<B> map(List<A> list, Function<A, B> f) {
        return list == null ? null : list.stream().map(f).toList();
    }
}
