package dev.computeplan.power.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.SizeLimits;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The largest power problem this service accepts ({@code computeplan.power.limits.*}), checked on the parsed body
 * before it is bound. The solvers' work and memory grow with jobs × steps, so that product has a limit of its own.
 *
 * @param maxJobs     most jobs in a problem
 * @param maxSteps    most grid steps (and entries of each per-step list)
 * @param maxJobSteps most jobs × grid steps
 */
public record PowerLimits(
        @DefaultValue("5000") int maxJobs,
        @DefaultValue("100000") int maxSteps,
        @DefaultValue("100000000") long maxJobSteps) {

    private static final String PREFIX = "computeplan.power.limits.";
    private static final List<String> PER_STEP = List.of("carbonGPerKwh", "priceUsdPerMwh", "capKw", "baseLoadKw");

    public static PowerLimits defaults() {
        return new PowerLimits(5000, 100_000, 100_000_000L);
    }

    public List<Violation> check(JsonNode body) {
        List<Violation> out = new ArrayList<>();
        int jobs = SizeLimits.count(body.get("jobs"));
        SizeLimits.atMost(jobs, maxJobs, "$.jobs", "jobs", PREFIX + "max-jobs", out);
        JsonNode grid = body.get("grid");
        if (grid == null || !grid.isObject()) {
            return out;
        }
        JsonNode stepsNode = grid.get("steps");
        // a wrong type or fraction is binding's to report; here only the size matters
        long steps = stepsNode != null && stepsNode.isNumber() ? (long) Math.max(0, stepsNode.doubleValue()) : 0;
        SizeLimits.atMost(steps, maxSteps, "$.grid.steps", "steps", PREFIX + "max-steps", out);
        for (String list : PER_STEP) {
            SizeLimits.arrayAtMost(grid, "$.grid", list, maxSteps, "values", PREFIX + "max-steps", out);
        }
        if (out.isEmpty()) {
            SizeLimits.atMost(jobs * steps, maxJobSteps, "$.jobs", "jobs × grid steps", PREFIX + "max-job-steps", out);
        }
        return out;
    }
}
