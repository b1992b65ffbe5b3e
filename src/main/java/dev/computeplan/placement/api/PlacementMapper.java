package dev.computeplan.placement.api;

import static dev.computeplan.placement.api.PlacementValidator.orEmpty;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Rack;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.ServiceDependency;
import dev.computeplan.placement.domain.SpareReserve;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementConstraintProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps a validated request onto the planning domain, and a solved domain back onto the wire answer. */
public final class PlacementMapper {

    private PlacementMapper() {}

    /**
     * Builds the planning problem. Initial values: the warm start's node where given, else the current node
     * (incremental re-planning: running workloads start where they run) unless that node is failed or draining.
     */
    public static PlacementSolution toDomain(PlacementRequest req, PlacementPlan warmStart) {
        List<String> resourceIds = PlacementValidator.resourceIds(req);
        List<Resource> resources = resources(req, resourceIds);
        Map<String, Rack> racks = new LinkedHashMap<>();
        orEmpty(req.racks()).forEach(r -> racks.put(r.id(), new Rack(r.id(), nz(r.powerCapWatts()))));
        Map<String, Node> nodes = nodes(req, resourceIds, racks);
        Map<String, Service> services = new LinkedHashMap<>();
        for (PlacementRequest.ServiceDto s : orEmpty(req.services())) {
            services.put(
                    s.id(),
                    new Service(
                            s.id(), Boolean.TRUE.equals(s.antiAffinity()), s.spreadMin() == null ? 0 : s.spreadMin()));
        }
        List<ServiceDependency> dependencies = new ArrayList<>();
        for (PlacementRequest.ServiceDto s : orEmpty(req.services())) {
            for (String dep : new HashSet<>(orEmpty(s.dependsOn()))) {
                dependencies.add(new ServiceDependency(services.get(s.id()), services.get(dep)));
            }
        }
        Map<String, Gang> gangs = new LinkedHashMap<>();
        orEmpty(req.gangs())
                .forEach(g -> gangs.put(
                        g.id(),
                        new Gang(
                                g.id(), g.topology() == null ? GangTopology.ANY : GangTopology.valueOf(g.topology()))));
        List<Workload> workloads = workloads(req, warmStart, resourceIds, nodes, services, gangs);

        List<BalanceObjective> balances = balances(req, resources, resourceIds);
        List<FragmentationProbe> probes = probes(req, resourceIds);
        List<SpareReserve> reserves = orEmpty(req.spareReserves()).stream()
                .map(r -> new SpareReserve(r.zone(), r.gpus()))
                .toList();

        PlacementSolution solution = new PlacementSolution(
                resources,
                List.copyOf(nodes.values()),
                List.copyOf(racks.values()),
                List.copyOf(services.values()),
                dependencies,
                List.copyOf(gangs.values()),
                balances,
                probes,
                reserves,
                workloads);
        KubernetesMapping.budgets(req, workloads);
        return solution.withTopologySpreads(KubernetesMapping.spreads(req, nodes, services))
                .withConstraintWeightOverrides(overrides(req.weights()));
    }

    private static List<BalanceObjective> balances(
            PlacementRequest req, List<Resource> resources, List<String> resourceIds) {
        List<BalanceObjective> balances = new ArrayList<>();
        for (PlacementRequest.BalanceDto b : orEmpty(req.balanceObjectives())) {
            balances.add(new BalanceObjective(
                    b.id(),
                    resources.get(resourceIds.indexOf(b.resource1())),
                    resources.get(resourceIds.indexOf(b.resource2())),
                    b.target(),
                    b.weight()));
        }
        return balances;
    }

    private static List<FragmentationProbe> probes(PlacementRequest req, List<String> resourceIds) {
        List<FragmentationProbe> probes = new ArrayList<>();
        for (PlacementRequest.ProbeDto p : orEmpty(req.fragmentationProbes())) {
            probes.add(new FragmentationProbe(
                    p.id(),
                    vector(p.requirements(), resourceIds),
                    p.gpus() == null ? 0 : p.gpus(),
                    p.gpuMilli() == null ? 0 : p.gpuMilli(),
                    p.popularity(),
                    p.gpuTypes() == null ? Set.of() : Set.copyOf(p.gpuTypes())));
        }
        return probes;
    }

    private static List<Resource> resources(PlacementRequest req, List<String> resourceIds) {
        int gpuResource = PlacementValidator.gpuResourceIndex(req);
        Map<String, PlacementRequest.ResourceDto> resourceDtos = new HashMap<>();
        orEmpty(req.resources()).forEach(r -> resourceDtos.put(r.id(), r));
        List<Resource> resources = new ArrayList<>();
        for (int r = 0; r < resourceIds.size(); r++) {
            PlacementRequest.ResourceDto dto = resourceDtos.get(resourceIds.get(r));
            resources.add(new Resource(
                    r,
                    resourceIds.get(r),
                    dto != null && Boolean.TRUE.equals(dto.transientUsage()),
                    dto == null || dto.loadCostWeight() == null ? 0L : dto.loadCostWeight(),
                    r == gpuResource));
        }
        return resources;
    }

    /** Nodes by id in request order; an undeclared GPU resource gets the node's GPUs x 1000 as capacity. */
    private static Map<String, Node> nodes(PlacementRequest req, List<String> resourceIds, Map<String, Rack> racks) {
        int gpuResource = PlacementValidator.gpuResourceIndex(req);
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (PlacementRequest.NodeDto n : req.nodes()) {
            long[] capacity = vector(n.capacity(), resourceIds);
            long[] safety = n.safetyCapacity() == null ? capacity.clone() : vector(n.safetyCapacity(), resourceIds);
            if (gpuResource >= 0) {
                capacity[gpuResource] = 1000L * (n.gpus() == null ? 0 : n.gpus());
                safety[gpuResource] = capacity[gpuResource];
            }
            Node node = new Node(
                            nodes.size(),
                            n.id(),
                            capacity,
                            safety,
                            n.zone(),
                            n.networkDomain() == null ? n.zone() : n.networkDomain())
                    .withGpus(n.gpus() == null ? 0 : n.gpus(), n.gpuType())
                    .withRack(n.rack() == null ? null : racks.get(n.rack()))
                    .withState(n.state() == null ? NodeState.ACTIVE : NodeState.valueOf(n.state()))
                    .withIdlePowerWatts(nz(n.idlePowerWatts()))
                    .withPowerOffWhenIdle(Boolean.TRUE.equals(n.powerOffWhenIdle()));
            nodes.put(n.id(), node);
        }
        Map<String, Map<Integer, Long>> moveCosts = new HashMap<>();
        for (PlacementRequest.MoveCostDto m : orEmpty(req.moveCosts())) {
            moveCosts
                    .computeIfAbsent(m.from(), k -> new HashMap<>())
                    .put(nodes.get(m.to()).getIndex(), m.cost());
        }
        // A node with move costs to many others gets them as an array: the search looks one up at every move it scores.
        int count = nodes.size();
        moveCosts.forEach((from, costs) -> {
            if (costs.size() * 4L >= count) {
                long[] dense = new long[count];
                costs.forEach((to, cost) -> dense[to] = cost);
                nodes.get(from).withMoveCosts(dense);
            } else {
                nodes.get(from).withMoveCosts(costs);
            }
        });
        return nodes;
    }

    private static List<Workload> workloads(
            PlacementRequest req,
            PlacementPlan warmStart,
            List<String> resourceIds,
            Map<String, Node> nodes,
            Map<String, Service> services,
            Map<String, Gang> gangs) {
        int gpuResource = PlacementValidator.gpuResourceIndex(req);
        Map<String, String> warm = new HashMap<>();
        if (warmStart != null && warmStart.assignments() != null) {
            warmStart.assignments().forEach(a -> warm.put(a.workload(), a.node()));
        }
        Map<Long, Long> pendingWeights = KubernetesMapping.pendingWeights(req);
        List<Workload> workloads = new ArrayList<>();
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            Workload workload = workload(
                            w,
                            resourceIds,
                            gpuResource,
                            w.currentNode() == null ? null : nodes.get(w.currentNode()),
                            w.service() == null ? null : services.get(w.service()),
                            w.gang() == null ? null : gangs.get(w.gang()))
                    .withPendingWeight(pendingWeights.get(KubernetesMapping.priority(w)));
            workloads.add(workload.withNode(initialNode(workload, warm, nodes)));
        }
        return workloads;
    }

    /**
     * One workload, its node, service and gang already mapped (also an online decision's arrival, mapped against
     * a cluster's problem).
     *
     * @param gpuResource index of the undeclared GPU resource ({@link PlacementValidator#gpuResourceIndex}), or -1
     */
    public static Workload workload(
            PlacementRequest.WorkloadDto w,
            List<String> resourceIds,
            int gpuResource,
            Node current,
            Service service,
            Gang gang) {
        int gpus = w.gpus() == null ? 0 : w.gpus();
        int gpuMilli = w.gpuMilli() == null ? 0 : w.gpuMilli();
        long[] requirement = vector(w.requirements(), resourceIds);
        if (gpuResource >= 0) {
            requirement[gpuResource] = Workload.demandMilli(gpus, gpuMilli);
        }
        return new Workload(w.id(), requirement, service, current, w.moveCostOrDefault())
                .withGpus(gpus, gpuMilli)
                .withGpuTypes(Set.copyOf(orEmpty(w.allowedGpuTypes())), Set.copyOf(orEmpty(w.preferredGpuTypes())))
                .withPriority(KubernetesMapping.priority(w))
                .withPreempts(KubernetesMapping.preempts(w))
                .withGang(gang)
                .withPowerWatts(nz(w.powerWatts()))
                .withPinned(Boolean.TRUE.equals(w.pinned()));
    }

    private static Node initialNode(Workload workload, Map<String, String> warm, Map<String, Node> nodes) {
        Node current = workload.getCurrentNode();
        if (workload.isPinned()) {
            return current;
        }
        if (warm.containsKey(workload.getId())) {
            return warm.get(workload.getId()) == null ? null : nodes.get(warm.get(workload.getId()));
        }
        return current != null && !current.getState().forbidsAll() ? current : null;
    }

    /** A weight w for constraint c means: c counts w units at its level (hard, medium or soft). */
    static ConstraintWeightOverrides<HardMediumSoftLongScore> overrides(Map<String, Long> weights) {
        if (weights == null || weights.isEmpty()) {
            return ConstraintWeightOverrides.none();
        }
        Map<String, HardMediumSoftLongScore> scores = new HashMap<>();
        weights.forEach((name, w) -> scores.put(name, levelOf(name).multiply(w)));
        return ConstraintWeightOverrides.of(scores);
    }

    private static HardMediumSoftLongScore levelOf(String name) {
        int i = PlacementConstraintProvider.NAMES.indexOf(name);
        int unassigned = PlacementConstraintProvider.NAMES.indexOf(PlacementConstraintProvider.UNASSIGNED);
        if (i < unassigned) {
            return HardMediumSoftLongScore.ONE_HARD;
        }
        return i == unassigned ? HardMediumSoftLongScore.ONE_MEDIUM : HardMediumSoftLongScore.ONE_SOFT;
    }

    /** The wire answer: node and GPU indices of each workload, in request order. */
    public static PlacementPlan toPlan(PlacementSolution solution) {
        Map<Workload, List<Integer>> gpuIndices = gpuIndices(solution);
        List<PlacementPlan.Assignment> assignments = new ArrayList<>();
        int assigned = 0;
        int moved = 0;
        for (Workload w : solution.getWorkloads()) {
            assigned += w.isAssigned() ? 1 : 0;
            moved += w.isMoved() ? 1 : 0;
            assignments.add(new PlacementPlan.Assignment(
                    w.getId(),
                    w.isAssigned() ? w.getNode().getId() : null,
                    gpuIndices.getOrDefault(w, List.of()),
                    w.getCurrentNode() == null ? null : w.getCurrentNode().getId(),
                    w.isMoved()));
        }
        long allocated = 0;
        long capacity = 0;
        for (Node n : solution.getNodes()) {
            if (n.getState() == NodeState.ACTIVE || n.getState() == NodeState.CORDONED) {
                capacity += n.getGpuCount() * (long) GpuPacking.MILLI_PER_GPU;
            }
        }
        for (Workload w : solution.getWorkloads()) {
            if (w.isAssigned() && !w.getNode().getState().forbidsAll()) {
                allocated += w.gpuDemandMilli();
            }
        }
        String score = solution.getScore() == null ? null : solution.getScore().toString();
        boolean feasible = solution.getScore() != null && solution.getScore().hardScore() == 0;
        return new PlacementPlan(
                score,
                feasible,
                assignments,
                new PlacementPlan.Summary(
                        assigned, solution.getWorkloads().size() - assigned, moved, allocated, capacity));
    }

    /**
     * GPU indices per workload: whole-GPU workloads take GPUs 0.. in workload order, fractional shares go where
     * {@link GpuPacking} puts them (the same packing the gpuCapacity rule checks). Unpackable demand gets no index.
     */
    static Map<Workload, List<Integer>> gpuIndices(PlacementSolution solution) {
        Map<Node, List<Workload>> byNode = new LinkedHashMap<>();
        for (Workload w : solution.getWorkloads()) {
            if (w.isAssigned() && w.usesGpu()) {
                byNode.computeIfAbsent(w.getNode(), k -> new ArrayList<>()).add(w);
            }
        }
        Map<Workload, List<Integer>> out = new HashMap<>();
        byNode.forEach((node, list) -> {
            int next = 0;
            int whole = 0;
            List<Workload> fractional = new ArrayList<>();
            for (Workload w : list) {
                if (w.getGpus() > 0) {
                    whole += w.getGpus();
                    // A workload whose GPUs do not all fit gets none (and consumes none).
                    List<Integer> idx = new ArrayList<>();
                    if (next + w.getGpus() <= node.getGpuCount()) {
                        for (int g = 0; g < w.getGpus(); g++) {
                            idx.add(next++);
                        }
                    }
                    out.put(w, idx);
                } else {
                    fractional.add(w);
                }
            }
            int[] shares = fractional.stream().mapToInt(Workload::getGpuMilli).toArray();
            GpuPacking packing = GpuPacking.pack(node.getGpuCount(), whole, shares);
            for (int i = 0; i < shares.length; i++) {
                out.put(fractional.get(i), packing.gpuOfShare()[i] < 0 ? List.of() : List.of(packing.gpuOfShare()[i]));
            }
        });
        return out;
    }

    private static long[] vector(Map<String, Long> amounts, List<String> resourceIds) {
        long[] v = new long[resourceIds.size()];
        if (amounts != null) {
            for (int r = 0; r < v.length; r++) {
                Long a = amounts.get(resourceIds.get(r));
                v[r] = a == null ? 0L : a;
            }
        }
        return v;
    }

    private static long nz(Long value) {
        return value == null ? 0L : value;
    }
}
