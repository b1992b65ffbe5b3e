package dev.computeplan.placement.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.SizeLimits;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The largest placement problem this service accepts ({@code computeplan.placement.limits.*}), checked on the parsed
 * body before it is bound: a larger one would not be validated, solved and checked within memory and time limits.
 *
 * @param maxNodes     most nodes in a problem
 * @param maxWorkloads most workloads in a problem
 */
public record PlacementLimits(
        @DefaultValue("5000") int maxNodes,
        @DefaultValue("50000") int maxWorkloads) {

    private static final String PREFIX = "computeplan.placement.limits.";

    public static PlacementLimits defaults() {
        return new PlacementLimits(5000, 50_000);
    }

    public List<Violation> check(JsonNode body) {
        List<Violation> out = new ArrayList<>();
        SizeLimits.arrayAtMost(body, "$", "nodes", maxNodes, "nodes", PREFIX + "max-nodes", out);
        SizeLimits.arrayAtMost(body, "$", "workloads", maxWorkloads, "workloads", PREFIX + "max-workloads", out);
        return out;
    }
}
