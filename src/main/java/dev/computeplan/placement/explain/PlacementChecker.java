package dev.computeplan.placement.explain;

import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.List;

/**
 * Re-checks a plan against its request with plain loops, independently of the Timefold constraints: every hard
 * rule (in the same units as the hard score, times its weight), the pending priority (medium) and the soft costs.
 * Unlike the engine it checks the plan's reported GPU indices, not a re-packing. It reads the wire request and
 * answer, so that a mapping mistake shows as well as a solver one.
 */
public final class PlacementChecker {

    private PlacementChecker() {}

    /**
     * @param hard       total hard violation (0 = feasible), in the hard score's units
     * @param medium     total pending weight of pending workloads (lexicographic in priority)
     * @param soft       soft cost at the request's weights
     * @param violations one sentence per broken hard rule
     */
    public record Report(long hard, long medium, long soft, List<String> violations) {
        public boolean feasible() {
            return hard == 0;
        }
    }

    public static Report check(PlacementRequest req, PlacementPlan plan) {
        CheckContext ctx = new CheckContext(req, plan);
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            WorkloadChecks.check(ctx, w);
        }
        NodeChecks nodeChecks = new NodeChecks(ctx);
        for (PlacementRequest.NodeDto n : req.nodes()) {
            nodeChecks.check(n);
        }
        nodeChecks.checkRacksAndReserves();
        ctx.soft += ctx.weight("gpuClassBalance") * SoftCosts.gpuClassBalance(req, ctx.gpuClassUsed);
        ctx.soft += ctx.weight("serviceMove")
                * ctx.serviceMoved.values().stream()
                        .mapToLong(Integer::longValue)
                        .max()
                        .orElse(0);
        GroupChecks.checkServices(ctx);
        GroupChecks.checkGangs(ctx);
        KubernetesChecks.check(ctx);
        return new Report(ctx.hard, ctx.medium * ctx.weight("unassignedWorkload"), ctx.soft, ctx.violations);
    }
}
