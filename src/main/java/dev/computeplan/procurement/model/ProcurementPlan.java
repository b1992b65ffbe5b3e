package dev.computeplan.procurement.model;

import java.util.List;

/**
 * A procurement plan: what to buy, lease and rent, which existing servers to keep, and how demand is served.
 * Quarters are 0-based indices with a label for people; {@link PlanStatus} says what kind of answer it is.
 * Build one with {@link #builder}: the components are many and several share a type.
 */
public record ProcurementPlan(
        PlanStatus status,
        Double objectiveUsd,
        Double bestBoundUsd,
        Double gap,
        List<Purchase> purchases,
        List<Lease> leases,
        List<Retention> existingFleet,
        List<Assignment> assignments,
        List<SiteUsage> usage,
        CostSummary costs,
        CashFlow cashFlow,
        List<VariantResult> variants,
        String message,
        List<String> conflict,
        List<Repair> repairs,
        List<ParetoPoint> paretoFrontier,
        TwoStageResult twoStage) {

    /** Servers of one SKU delivered to one site at the start of a quarter. */
    public record Purchase(String sku, String site, int quarter, String quarterLabel, int servers, int accelerators) {}

    /** Servers leased in a site for one quarter. */
    public record Lease(String sku, String site, int quarter, String quarterLabel, int servers) {}

    /** An existing fleet group (site, index in its existingFleet) and how many of its servers are kept in each quarter. */
    public record Retention(
            String site, int fleetIndex, String sku, int servers, int ageQuarters, List<Integer> keptServers) {}

    /**
     * Accelerators of a SKU serving a workload in a quarter, from the sites' fleets (source OWNED, covering bought,
     * leased and existing servers) or from cloud on-demand (source CLOUD, accelerators rented for the whole quarter).
     */
    public record Assignment(
            String workload,
            int quarter,
            String quarterLabel,
            String sku,
            String source,
            double accelerators,
            double delivered,
            Precision precision,
            Double replicas) {}

    /** Accelerators of a SKU that are busy in a site in a quarter (the rest idle and draw idle power). */
    public record SiteUsage(String sku, String site, int quarter, double usedAccelerators) {}

    /**
     * The objective's terms: discounted USD by type, capex and embodied carbon net of residual value (only the share of
     * a purchase's life inside the horizon is charged), and undiscounted in-horizon tonnes. Cash as booked is in
     * {@link CashFlow}.
     */
    public record CostSummary(
            double capexUsd,
            double leaseUsd,
            double cloudUsd,
            double energyUsd,
            double opexUsd,
            double carbonUsd,
            double totalUsd,
            double operationalTonnes,
            double embodiedTonnes,
            double cloudTonnes) {}

    /**
     * For an infeasible request: one requirement of the conflict, and the plan the request gives with that requirement
     * dropped (or lifted, for a policy switch), re-solved. Cheapest plan first; null cost when it is still infeasible.
     * The plan's {@code repairs} is null unless the request is infeasible.
     */
    public record Repair(String requirement, PlanStatus status, Double objectiveUsd, Double gap, String sentence) {}

    /**
     * A what-if variant solved beside the base case, started from the base plan where that plan still holds and solved
     * to the same gap. {@code toleranceUsd} is that common gap (or the larger gap one of them stopped at) times the
     * larger of the two costs; {@code withinTolerance}: the change in cost is not larger, so neither it nor a change of
     * composition is an effect of the variant. {@code basePlanUsd} is the base plan's cost under the variant (null if it
     * breaks the variant's rules); {@code compositionWithinTolerance}: the variant's plan saves no more than the
     * tolerance over keeping the base plan, so a different composition is not an effect even when the cost moved.
     */
    public record VariantResult(
            String name,
            PlanStatus status,
            Double objectiveUsd,
            Double gap,
            java.util.Map<String, Integer> acceleratorsBoughtBySku,
            java.util.Map<String, Integer> acceleratorsBoughtBySite,
            Double cloudAcceleratorQuarters,
            CostSummary costs,
            List<String> violations,
            Double changeUsd,
            Double toleranceUsd,
            Boolean withinTolerance,
            Double basePlanUsd,
            Boolean compositionWithinTolerance) {

        public VariantResult(
                String name,
                PlanStatus status,
                Double objectiveUsd,
                Double gap,
                java.util.Map<String, Integer> acceleratorsBoughtBySku,
                java.util.Map<String, Integer> acceleratorsBoughtBySite,
                Double cloudAcceleratorQuarters,
                CostSummary costs,
                List<String> violations) {
            this(
                    name,
                    status,
                    objectiveUsd,
                    gap,
                    acceleratorsBoughtBySku,
                    acceleratorsBoughtBySite,
                    cloudAcceleratorQuarters,
                    costs,
                    violations,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
    }

    /** This plan with the independent checker's costs, the variants and a note. */
    public ProcurementPlan withChecks(CostSummary checkedCosts, List<VariantResult> variantResults, String note) {
        return toBuilder()
                .costs(checkedCosts)
                .variants(variantResults)
                .message(note)
                .build();
    }

    /** This plan under another status and bound: a resumed solve carries the bound an earlier attempt proved. */
    public ProcurementPlan withBound(PlanStatus newStatus, Double bound, Double newGap) {
        return toBuilder(newStatus).objective(objectiveUsd, bound, newGap).build();
    }

    /** A plan without values (INFEASIBLE or NOT_SOLVED) and why. */
    public static ProcurementPlan unsolved(PlanStatus status, String message) {
        return builder(status).message(message).build();
    }

    public static Builder builder(PlanStatus status) {
        return new Builder(status);
    }

    public Builder toBuilder() {
        return toBuilder(status);
    }

    /** Everything of this plan, under {@code newStatus}. */
    private Builder toBuilder(PlanStatus newStatus) {
        return new Builder(newStatus)
                .objective(objectiveUsd, bestBoundUsd, gap)
                .purchases(purchases)
                .leases(leases)
                .existingFleet(existingFleet)
                .assignments(assignments)
                .usage(usage)
                .costs(costs)
                .cashFlow(cashFlow)
                .variants(variants)
                .message(message)
                .conflict(conflict)
                .repairs(repairs)
                .paretoFrontier(paretoFrontier)
                .twoStage(twoStage);
    }

    /** Named construction of a plan; lists default to empty, the rest to null. */
    public static final class Builder {
        private final PlanStatus status;
        private Double objectiveUsd;
        private Double bestBoundUsd;
        private Double gap;
        private List<Purchase> purchases = List.of();
        private List<Lease> leases = List.of();
        private List<Retention> existingFleet = List.of();
        private List<Assignment> assignments = List.of();
        private List<SiteUsage> usage = List.of();
        private CostSummary costs;
        private CashFlow cashFlow;
        private List<VariantResult> variants = List.of();
        private String message;
        private List<String> conflict = List.of();
        private List<Repair> repairs;
        private List<ParetoPoint> paretoFrontier;
        private TwoStageResult twoStage;

        private Builder(PlanStatus status) {
            this.status = status;
        }

        /** The solver's objective (discounted USD), its best bound and the relative gap between them. */
        public Builder objective(Double objectiveUsd, Double bestBoundUsd, Double gap) {
            this.objectiveUsd = objectiveUsd;
            this.bestBoundUsd = bestBoundUsd;
            this.gap = gap;
            return this;
        }

        public Builder purchases(List<Purchase> purchases) {
            this.purchases = purchases;
            return this;
        }

        public Builder leases(List<Lease> leases) {
            this.leases = leases;
            return this;
        }

        public Builder existingFleet(List<Retention> existingFleet) {
            this.existingFleet = existingFleet;
            return this;
        }

        public Builder assignments(List<Assignment> assignments) {
            this.assignments = assignments;
            return this;
        }

        public Builder usage(List<SiteUsage> usage) {
            this.usage = usage;
            return this;
        }

        public Builder costs(CostSummary costs) {
            this.costs = costs;
            return this;
        }

        public Builder cashFlow(CashFlow cashFlow) {
            this.cashFlow = cashFlow;
            return this;
        }

        public Builder variants(List<VariantResult> variants) {
            this.variants = variants;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder conflict(List<String> conflict) {
            this.conflict = conflict;
            return this;
        }

        public Builder repairs(List<Repair> repairs) {
            this.repairs = repairs;
            return this;
        }

        /** The cost-versus-carbon frontier, cheapest first, dominated points dropped; null when none was asked for. */
        public Builder paretoFrontier(List<ParetoPoint> paretoFrontier) {
            this.paretoFrontier = paretoFrontier;
            return this;
        }

        public Builder twoStage(TwoStageResult twoStage) {
            this.twoStage = twoStage;
            return this;
        }

        public ProcurementPlan build() {
            return new ProcurementPlan(
                    status,
                    objectiveUsd,
                    bestBoundUsd,
                    gap,
                    purchases,
                    leases,
                    existingFleet,
                    assignments,
                    usage,
                    costs,
                    cashFlow,
                    variants,
                    message,
                    conflict,
                    repairs,
                    paretoFrontier,
                    twoStage);
        }
    }
}
