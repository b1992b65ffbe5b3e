package dev.computeplan.procurement.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The procurement request: catalogue, sites, demand, policy and optional what-if variants. */
public record ProcurementProblem(
        @NotNull @Positive @Max(12) Integer horizonQuarters,
        @Size(max = 20) String firstQuarter,
        @NotNull @NotEmpty @Size(max = 200) @Valid List<@NotNull Sku> catalogue,
        @NotNull @NotEmpty @Size(max = 50) @Valid List<@NotNull Site> sites,
        @NotNull @NotEmpty @Size(max = 500) @Valid List<@NotNull Workload> workloads,
        @Valid Policy policy,
        @Size(max = 5) @Valid List<@NotNull Variant> variants) {

    /** Hours in a quarter: 8,760 / 4. */
    public static final double HOURS_PER_QUARTER = 2190.0;

    public ProcurementProblem {
        policy = policy == null ? Policy.defaults() : policy;
        variants = variants == null ? List.of() : variants;
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
