package dev.computeplan.procurement.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.SizeLimits;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The largest procurement problem this service accepts ({@code computeplan.procurement.limits.*}), checked on the
 * parsed body before it is bound. The MIP has variables per SKU, site, workload and quarter, so the product of the
 * three counts has a limit of its own; each variant is one more solve of the same size. The horizon stays bounded by
 * the request schema (12 quarters): every per-quarter list is sized by it.
 *
 * @param maxSkus      most SKUs in the catalogue
 * @param maxSites     most sites
 * @param maxWorkloads most workloads
 * @param maxVariants  most what-if variants
 * @param maxModelSize most SKUs × sites × workloads
 */
public record ProcurementLimits(
        @DefaultValue("40") int maxSkus,
        @DefaultValue("10") int maxSites,
        @DefaultValue("60") int maxWorkloads,
        @DefaultValue("5") int maxVariants,
        @DefaultValue("3000") long maxModelSize) {

    private static final String PREFIX = "computeplan.procurement.limits.";

    public static ProcurementLimits defaults() {
        return new ProcurementLimits(40, 10, 60, 5, 3000);
    }

    public List<Violation> check(JsonNode body) {
        List<Violation> out = new ArrayList<>();
        SizeLimits.arrayAtMost(body, "$", "catalogue", maxSkus, "SKUs", PREFIX + "max-skus", out);
        SizeLimits.arrayAtMost(body, "$", "sites", maxSites, "sites", PREFIX + "max-sites", out);
        SizeLimits.arrayAtMost(body, "$", "workloads", maxWorkloads, "workloads", PREFIX + "max-workloads", out);
        SizeLimits.arrayAtMost(body, "$", "variants", maxVariants, "variants", PREFIX + "max-variants", out);
        if (out.isEmpty()) {
            long size = (long) SizeLimits.count(body.get("catalogue"))
                    * SizeLimits.count(body.get("sites"))
                    * SizeLimits.count(body.get("workloads"));
            SizeLimits.atMost(
                    size, maxModelSize, "$.workloads", "SKUs × sites × workloads", PREFIX + "max-model-size", out);
        }
        return out;
    }
}
