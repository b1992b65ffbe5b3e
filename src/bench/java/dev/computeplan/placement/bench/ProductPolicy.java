package dev.computeplan.placement.bench;

import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.cluster.ClusterSnapshot;
import dev.computeplan.placement.api.cluster.DecisionRequest;
import dev.computeplan.placement.api.cluster.DecisionView;
import dev.computeplan.placement.api.cluster.LiveCluster;
import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.solver.online.OnlinePolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The product's online decision path as a benchmark policy: the cluster is created in the placement request's
 * vocabulary (nodes, the trace's typical shapes as fragmentation probes, the free CPU and memory per free GPU balance
 * objectives) and every pod is one {@link LiveCluster#decide} call, what {@code POST
 * /api/v1/placement/clusters/{id}/decisions} runs, in-process and without the HTTP and database round trips. The
 * simulator's own state follows the product's answers.
 */
final class ProductPolicy implements Policy {

    private final LiveCluster cluster;
    private final Map<String, Integer> index = new HashMap<>();
    private long next;

    ProductPolicy(List<String[]> nodes, List<Shape> typedShapes, List<BalanceObjective> balances) {
        List<PlacementRequest.NodeDto> nodeDtos = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String[] f = nodes.get(i);
            int gpus = Integer.parseInt(f[3]);
            nodeDtos.add(new PlacementRequest.NodeDto(
                    "n" + i,
                    Map.of("cpu", Long.parseLong(f[1]), "memory", Long.parseLong(f[2])),
                    null,
                    "z",
                    null,
                    null,
                    gpus,
                    gpus > 0 ? f[4] : null,
                    null,
                    null));
            index.put("n" + i, i);
        }
        List<PlacementRequest.ProbeDto> probes = new ArrayList<>();
        for (FragmentationProbe p : OpenbObjectives.probes(typedShapes)) {
            probes.add(new PlacementRequest.ProbeDto(
                    p.id(),
                    Map.of("cpu", p.requirements()[0], "memory", p.requirements()[1]),
                    p.gpus(),
                    p.gpuMilli(),
                    p.popularity(),
                    List.copyOf(p.gpuTypes())));
        }
        List<PlacementRequest.BalanceDto> balanceDtos = balances.stream()
                .map(b -> new PlacementRequest.BalanceDto(
                        b.id(), b.resource1().id(), b.resource2().id(), b.target(), b.weight()))
                .toList();
        PlacementRequest state = new PlacementRequest(
                List.of(
                        new PlacementRequest.ResourceDto("cpu", null, null),
                        new PlacementRequest.ResourceDto("memory", null, null)),
                nodeDtos,
                null,
                null,
                null,
                List.of(),
                balanceDtos,
                probes,
                null,
                null,
                null,
                null);
        cluster = new LiveCluster(new ClusterSnapshot(state, Map.of()), 0, new OnlinePolicy());
    }

    @Override
    public Choice choose(ClusterState s, Pod p) {
        boolean share = p.share();
        PlacementRequest.WorkloadDto w = new PlacementRequest.WorkloadDto(
                "p" + next++,
                Map.of("cpu", p.cpu(), "memory", p.mem()),
                share ? 0 : p.gpus(),
                share ? p.milli() : 0,
                List.of(p.spec()),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        DecisionView v;
        cluster.lock().lock();
        try {
            v = cluster.decide(new DecisionRequest(List.of(w), null, false, null))
                    .view();
        } finally {
            cluster.lock().unlock();
        }
        if (v.status() != DecisionView.Status.PLACED) {
            return null;
        }
        DecisionView.PlacementView at = v.placements().get(0);
        return new Choice(
                index.get(at.node()),
                at.gpus().stream().mapToInt(Integer::intValue).toArray());
    }
}
