package dev.computeplan.procurement.model;

import java.util.List;

/**
 * A procurement plan: what to buy, lease and rent, which existing servers to keep, and how demand is served.
 * Quarters are 0-based indices with a label for people. Status is OPTIMAL, FEASIBLE (time limit; see gap),
 * INFEASIBLE (conflict lists a minimal set of requirements that cannot hold together) or NOT_SOLVED.
 */
public record ProcurementPlan(
        String status,
        Double objectiveUsd,
        Double bestBoundUsd,
        Double gap,
        List<Purchase> purchases,
        List<Lease> leases,
        List<Retention> existingFleet,
        List<Assignment> assignments,
        List<SiteUsage> usage,
        CostSummary costs,
        List<VariantResult> variants,
        String message,
        List<String> conflict) {

    /** Servers of one SKU delivered to one site at the start of a quarter. */
    public record Purchase(String sku, String site, int quarter, String quarterLabel, int servers, int accelerators) {
    }

    /** Servers leased in a site for one quarter. */
    public record Lease(String sku, String site, int quarter, String quarterLabel, int servers) {
    }

    /** An existing fleet group (site, index in its existingFleet) and how many of its servers are kept in each quarter. */
    public record Retention(String site, int fleetIndex, String sku, int servers, int ageQuarters, List<Integer> keptServers) {
    }

    /**
     * Accelerators of a SKU serving a workload in a quarter, from the sites' fleets (source OWNED, covering bought,
     * leased and existing servers) or from cloud on-demand (source CLOUD, accelerators rented for the whole quarter).
     */
    public record Assignment(String workload, int quarter, String quarterLabel, String sku, String source,
                             double accelerators, double delivered, Precision precision, Double replicas) {
    }

    /** Accelerators of a SKU that are busy in a site in a quarter (the rest idle and draw idle power). */
    public record SiteUsage(String sku, String site, int quarter, double usedAccelerators) {
    }

    /** Discounted costs by type (USD) and undiscounted lifecycle carbon (tCO2e). */
    public record CostSummary(double capexUsd, double leaseUsd, double cloudUsd, double energyUsd, double opexUsd,
                              double carbonUsd, double totalUsd, double operationalTonnes, double embodiedTonnes,
                              double cloudTonnes) {
    }

    /** A what-if variant solved beside the base case. */
    public record VariantResult(String name, String status, Double objectiveUsd, Double gap,
                                java.util.Map<String, Integer> acceleratorsBoughtBySku,
                                java.util.Map<String, Integer> acceleratorsBoughtBySite, Double cloudAcceleratorQuarters,
                                CostSummary costs, List<String> violations) {
    }

    public ProcurementPlan withChecks(CostSummary checkedCosts, List<VariantResult> variantResults, String note) {
        return new ProcurementPlan(status, objectiveUsd, bestBoundUsd, gap, purchases, leases, existingFleet, assignments,
                usage, checkedCosts, variantResults, note, conflict);
    }

    public static ProcurementPlan unsolved(String status, String message) {
        return new ProcurementPlan(status, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                null, List.of(), message, List.of());
    }
}
