package dev.computeplan.placement.explain;

import static dev.computeplan.placement.explain.CheckContext.orEmpty;

import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.HashSet;
import java.util.List;

/** The checker's rules of one workload: pending priority, moves, GPU indices and types, node state. */
final class WorkloadChecks {

    private WorkloadChecks() {}

    static void check(CheckContext ctx, PlacementRequest.WorkloadDto w) {
        PlacementPlan.Assignment a = ctx.byWorkload.get(w.id());
        String at = a == null ? null : a.node();
        long[] demand = ctx.vector(w.requirements());
        int gpus = w.gpus() == null ? 0 : w.gpus();
        int milli = w.gpuMilli() == null ? 0 : w.gpuMilli();
        if (ctx.gpuResource >= 0) {
            demand[ctx.gpuResource] = gpus > 0 ? gpus * 1000L : milli;
        }
        if (at == null) {
            ctx.medium += ctx.pendingWeight(w);
            return;
        }
        PlacementRequest.NodeDto n = ctx.nodes.get(at);
        CheckContext.add(ctx.usage.computeIfAbsent(at, k -> new long[ctx.resources.size()]), demand);
        ctx.workloadPower.merge(at, w.powerWatts() == null ? 0L : w.powerWatts(), Long::sum);
        if (w.currentNode() != null && !w.currentNode().equals(at)) {
            moved(ctx, w, at, demand);
        }
        if (gpus > 0 || milli > 0) {
            gpus(ctx, w, a, n, gpus, milli);
        }
        String state = CheckContext.stateOf(n);
        if (state.equals("FAILED")
                || state.equals("DRAINING")
                || (state.equals("CORDONED") && !at.equals(w.currentNode()))) {
            ctx.violate("nodeState", 1, "workload %s on %s node %s".formatted(w.id(), state, at));
        }
    }

    /** A running workload placed elsewhere: its old node still holds it (transient), and the move costs. */
    private static void moved(CheckContext ctx, PlacementRequest.WorkloadDto w, String at, long[] demand) {
        CheckContext.add(
                ctx.heldByLeaving.computeIfAbsent(w.currentNode(), k -> new long[ctx.resources.size()]), demand);
        ctx.soft += ctx.weight("processMove") * KubernetesChecks.moveCost(w);
        ctx.soft += ctx.weight("machineMove") * ctx.moveCost(w.currentNode(), at);
        if (w.service() != null) {
            ctx.serviceMoved.merge(w.service(), 1, Integer::sum);
        }
    }

    /** The plan's GPU indices must be valid and distinct; the node's GPU type allowed (and preferred, soft). */
    private static void gpus(
            CheckContext ctx,
            PlacementRequest.WorkloadDto w,
            PlacementPlan.Assignment a,
            PlacementRequest.NodeDto n,
            int gpus,
            int milli) {
        int nodeGpus = CheckContext.gpusOf(n);
        int[] perGpu = ctx.gpuMilli.computeIfAbsent(a.node(), k -> new int[nodeGpus]);
        List<Integer> idx = a.gpuIndices() == null ? List.of() : a.gpuIndices();
        ctx.gpuClassUsed.merge(nodeGpus + "x" + n.gpuType(), gpus > 0 ? gpus * 1000L : milli, Long::sum);
        int expected = gpus > 0 ? gpus : 1;
        if (idx.size() != expected
                || idx.stream().anyMatch(g -> g < 0 || g >= nodeGpus)
                || new HashSet<>(idx).size() != idx.size()) {
            ctx.violate(
                    "gpuCapacity",
                    gpus > 0 ? gpus * 1000L : milli,
                    "workload %s has no valid GPU indices on %s".formatted(w.id(), a.node()));
        } else {
            for (int g : idx) {
                perGpu[g] += gpus > 0 ? 1000 : milli;
            }
        }
        List<String> allowed = orEmpty(w.allowedGpuTypes());
        if (!allowed.isEmpty() && !allowed.contains(n.gpuType())) {
            String type = n.gpuType() == null ? "a node without GPUs" : "GPU type " + n.gpuType();
            ctx.violate("gpuType", 1, "workload %s on %s, allowed %s".formatted(w.id(), type, allowed));
        }
        List<String> preferred = orEmpty(w.preferredGpuTypes());
        if (!preferred.isEmpty() && !preferred.contains(n.gpuType())) {
            ctx.soft += ctx.weight("preferredGpuType");
        }
    }
}
