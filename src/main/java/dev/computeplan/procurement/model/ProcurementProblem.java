package dev.computeplan.procurement.model;

import java.util.List;

/** A procurement problem as the planner sees it (mapped from the request): defaults filled in, no wire concerns. */
public record ProcurementProblem(
        Integer horizonQuarters,
        String firstQuarter,
        List<Sku> catalogue,
        List<Site> sites,
        List<Workload> workloads,
        Policy policy,
        List<Variant> variants,
        Pareto pareto,
        TwoStage twoStage,
        @com.fasterxml.jackson.annotation.JsonIgnore ThroughputCatalogue throughputCatalogue) {

    /** A problem using the embedded throughput catalogue, without a frontier or scenarios. */
    public ProcurementProblem(
            Integer horizonQuarters,
            String firstQuarter,
            List<Sku> catalogue,
            List<Site> sites,
            List<Workload> workloads,
            Policy policy,
            List<Variant> variants) {
        this(horizonQuarters, firstQuarter, catalogue, sites, workloads, policy, variants, null, null, null);
    }

    /** A problem with its own throughput rows, without a frontier or scenarios. */
    public ProcurementProblem(
            Integer horizonQuarters,
            String firstQuarter,
            List<Sku> catalogue,
            List<Site> sites,
            List<Workload> workloads,
            Policy policy,
            List<Variant> variants,
            ThroughputCatalogue throughputCatalogue) {
        this(
                horizonQuarters,
                firstQuarter,
                catalogue,
                sites,
                workloads,
                policy,
                variants,
                null,
                null,
                throughputCatalogue);
    }

    /** A problem using the embedded throughput catalogue. */
    public ProcurementProblem(
            Integer horizonQuarters,
            String firstQuarter,
            List<Sku> catalogue,
            List<Site> sites,
            List<Workload> workloads,
            Policy policy,
            List<Variant> variants,
            Pareto pareto,
            TwoStage twoStage) {
        this(horizonQuarters, firstQuarter, catalogue, sites, workloads, policy, variants, pareto, twoStage, null);
    }

    /** Hours in a quarter: 8,760 / 4. */
    public static final double HOURS_PER_QUARTER = 2190.0;

    public ProcurementProblem {
        policy = policy == null ? Policy.defaults() : policy;
        variants = variants == null ? List.of() : variants;
        throughputCatalogue = throughputCatalogue == null ? ThroughputCatalogue.embedded() : throughputCatalogue;
    }

    /** This problem with other workloads (catalogue, overrides and everything else kept). */
    public ProcurementProblem withWorkloads(List<Workload> loads) {
        return new ProcurementProblem(
                horizonQuarters,
                firstQuarter,
                catalogue,
                sites,
                loads,
                policy,
                variants,
                pareto,
                twoStage,
                throughputCatalogue);
    }

    /** Discount factor of quarter q: (1 + r)^(-q/4). */
    public double discount(int quarter) {
        return Math.pow(1 + policy.discountRatePerYear(), -quarter / 4.0);
    }

    /** "2027Q3" style label when firstQuarter is given as YYYYQn, else "Q1".."Q12". */
    public String quarterLabel(int quarter) {
        if (firstQuarter != null && firstQuarter.matches("\\d{4}Q[1-4]")) {
            int year = Integer.parseInt(firstQuarter.substring(0, 4));
            int index = Integer.parseInt(firstQuarter.substring(5)) - 1 + quarter;
            return (year + index / 4) + "Q" + (index % 4 + 1);
        }
        return "Q" + (quarter + 1);
    }

    public Sku sku(String name) {
        return catalogue.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    public int skuIndex(String name) {
        for (int k = 0; k < catalogue.size(); k++) {
            if (catalogue.get(k).name().equals(name)) {
                return k;
            }
        }
        return -1;
    }

    public int siteIndex(String name) {
        for (int s = 0; s < sites.size(); s++) {
            if (sites.get(s).name().equals(name)) {
                return s;
            }
        }
        return -1;
    }

    public int workloadIndex(String name) {
        for (int w = 0; w < workloads.size(); w++) {
            if (workloads.get(w).name().equals(name)) {
                return w;
            }
        }
        return -1;
    }
}
