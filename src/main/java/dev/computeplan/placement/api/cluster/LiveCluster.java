package dev.computeplan.placement.api.cluster;

import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.PlacementValidator;
import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.online.OnlineCluster;
import dev.computeplan.placement.solver.online.OnlineDecision;
import dev.computeplan.placement.solver.online.OnlinePolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One cluster in memory: its state in the request vocabulary ({@link ClusterDoc}), the online policy's view of it
 * ({@link OnlineCluster}) and its version. Callers hold {@link #lock()} around every call, so decisions on one
 * cluster are serialised and two never take the same GPUs. Spring-free: the benchmark drives this same class.
 */
public final class LiveCluster {

    /** The rule named for a node the cluster does not hold. */
    public static final String UNKNOWN_NODE = "unknownNode";

    private final ReentrantLock lock = new ReentrantLock();
    private final OnlinePolicy policy;
    private ClusterDoc doc;
    private OnlineCluster live;
    private long version;
    private List<String> resourceIds;
    private List<String> declaredResources;
    private int gpuResource;
    private final Map<String, Service> services = new HashMap<>();
    private final Map<String, Gang> gangs = new HashMap<>();

    /** A decision's answer and the events that record what it bound (none for a dry run or a pending answer). */
    public record Outcome(DecisionView view, List<ClusterEvent> events) {}

    public LiveCluster(ClusterSnapshot snapshot, long version, OnlinePolicy policy) {
        this.policy = policy;
        this.doc = new ClusterDoc(snapshot.state());
        this.version = version;
        Map<String, int[]> gpus = new HashMap<>();
        if (snapshot.gpuIndices() != null) {
            snapshot.gpuIndices().forEach((w, g) -> gpus.put(w, toArray(g)));
        }
        rebuild(gpus);
    }

    public ReentrantLock lock() {
        return lock;
    }

    public long version() {
        return version;
    }

    public int nodeCount() {
        return doc.nodes.size();
    }

    public int workloadCount() {
        return doc.workloads.size();
    }

    /** The durable state now. */
    public ClusterSnapshot snapshot() {
        Map<String, List<Integer>> gpus = new LinkedHashMap<>();
        for (Workload w : live.workloads()) {
            gpus.put(w.getId(), Arrays.stream(live.gpus(w.getId())).boxed().toList());
        }
        return new ClusterSnapshot(doc.toRequest(), gpus);
    }

    /** Decides for one workload or gang; binds a placement unless it is a dry run. */
    public Outcome decide(DecisionRequest d) {
        List<Violation> violations = ClusterRules.ofDecision(d, doc, declaredResources);
        if (!violations.isEmpty()) {
            throw InvalidInputException.invalid(violations);
        }
        PlacementRequest.GangDto newGang =
                d.gang() != null && !doc.gangs.containsKey(d.gang().id()) ? d.gang() : null;
        Gang gang = gangOf(d.workloads().get(0).gang(), newGang);
        List<Workload> arriving = new ArrayList<>();
        for (PlacementRequest.WorkloadDto w : d.workloads()) {
            arriving.add(PlacementMapper.workload(w, resourceIds, gpuResource, null, services.get(w.service()), gang));
        }
        OnlineDecision decision = policy.decide(live, arriving);
        if (!decision.placed()) {
            return new Outcome(DecisionViews.pending(decision, version, arriving.size() > 1), List.of());
        }
        List<ClusterEvent> events = new ArrayList<>();
        if (!d.isDryRun()) {
            for (int i = 0; i < d.workloads().size(); i++) {
                OnlineDecision.Placement p = decision.placements().get(i);
                PlacementRequest.WorkloadDto running =
                        ClusterDoc.runningOn(d.workloads().get(i), p.node());
                PlacementRequest.GangDto gangEvent = i == 0 ? newGang : null;
                bind(running, gangEvent, p.gpus());
                events.add(ClusterEvent.bound(running, gangEvent, p.gpus()));
            }
            version++;
        }
        return new Outcome(DecisionViews.placed(decision, version, !d.isDryRun()), events);
    }

    /**
     * Each named node's verdict for one new workload that stays unbound (a scheduler extender asks before it binds);
     * a name the cluster does not know gets the rule {@code unknownNode}.
     */
    public List<OnlinePolicy.NodeVerdict> evaluate(PlacementRequest.WorkloadDto w, List<String> nodeNames) {
        Workload workload = PlacementMapper.workload(
                w, resourceIds, gpuResource, null, w.service() == null ? null : services.get(w.service()), null);
        List<Node> known = new ArrayList<>();
        for (String name : nodeNames) {
            if (live.node(name) != null) {
                known.add(live.node(name));
            }
        }
        Map<String, OnlinePolicy.NodeVerdict> byNode = new HashMap<>();
        for (OnlinePolicy.NodeVerdict v : policy.evaluate(live, workload, known)) {
            byNode.put(v.node(), v);
        }
        List<OnlinePolicy.NodeVerdict> out = new ArrayList<>(nodeNames.size());
        for (String name : nodeNames) {
            out.add(byNode.getOrDefault(name, new OnlinePolicy.NodeVerdict(name, UNKNOWN_NODE, null)));
        }
        return out;
    }

    /**
     * Applies a batch of events, all or none; returns them as they are recorded (a bound workload with the GPUs it
     * holds).
     */
    public List<ClusterEvent> apply(List<ClusterEvent> events) {
        ClusterDoc before = doc;
        ClusterDoc scratch = doc.copy();
        boolean nodesChange = ClusterEventRules.check(events, scratch, declaredResources);
        Map<String, int[]> gpus = gpuMap();
        doc = scratch;
        List<ClusterEvent> recorded = new ArrayList<>();
        try {
            if (nodesChange) {
                for (ClusterEvent e : events) {
                    if (e.type() == ClusterEvent.Type.WORKLOAD_BOUND && e.gpuIndices() != null) {
                        gpus.put(e.workload().id(), toArray(e.gpuIndices()));
                    }
                }
                rebuild(gpus);
            }
            for (int i = 0; i < events.size(); i++) {
                recorded.add(applyToLive(events.get(i), i, nodesChange));
            }
        } catch (InvalidInputException e) {
            doc = before;
            rebuild(gpuMapOrBefore(gpus, events));
            throw e;
        }
        version++;
        return recorded;
    }

    private ClusterEvent applyToLive(ClusterEvent e, int i, boolean rebuilt) {
        if (e.type() == ClusterEvent.Type.WORKLOAD_BOUND) {
            int[] asked = e.gpuIndices() == null ? null : toArray(e.gpuIndices());
            int[] held;
            if (rebuilt) {
                held = live.gpus(e.workload().id());
                if (asked != null && !Arrays.equals(asked, held)) {
                    throw gpuConflict(i);
                }
            } else {
                try {
                    held = bind(e.workload(), e.gang(), asked);
                } catch (IllegalArgumentException ex) {
                    throw gpuConflict(i);
                }
            }
            return ClusterEvent.bound(e.workload(), e.gang(), held);
        }
        if (e.type() == ClusterEvent.Type.WORKLOAD_FINISHED && !rebuilt) {
            live.finish(e.workloadId());
        }
        return e;
    }

    private static InvalidInputException gpuConflict(int i) {
        return InvalidInputException.invalid(List.of(new Violation(
                "$.events[" + i + "].gpuIndices",
                "not free for this workload on its node (whole GPUs need empty ones, a share room on one)")));
    }

    /** Binds a running workload (its {@code currentNode} set) with the given GPUs (null: chosen here). */
    private int[] bind(PlacementRequest.WorkloadDto running, PlacementRequest.GangDto newGang, int[] gpus) {
        Gang gang = gangOf(running.gang(), newGang);
        if (newGang != null) {
            doc.gangs.put(newGang.id(), newGang);
        }
        Node node = live.node(running.currentNode());
        Workload w = PlacementMapper.workload(
                        running, resourceIds, gpuResource, node, services.get(running.service()), gang)
                .withNode(node);
        int[] held = live.bind(w, gpus);
        doc.workloads.put(running.id(), running);
        return held;
    }

    private Gang gangOf(String id, PlacementRequest.GangDto newGang) {
        if (id == null) {
            return null;
        }
        if (newGang != null && newGang.id().equals(id) && !gangs.containsKey(id)) {
            gangs.put(
                    id,
                    new Gang(
                            id,
                            newGang.topology() == null ? GangTopology.ANY : GangTopology.valueOf(newGang.topology())));
        }
        return gangs.get(id);
    }

    private void rebuild(Map<String, int[]> gpus) {
        PlacementRequest req = doc.toRequest();
        resourceIds = PlacementValidator.resourceIds(req);
        gpuResource = PlacementValidator.gpuResourceIndex(req);
        List<String> declared = new ArrayList<>(resourceIds);
        if (gpuResource >= 0) {
            declared.remove(gpuResource);
        }
        declaredResources = List.copyOf(declared);
        PlacementSolution solution = PlacementMapper.toDomain(req, null);
        services.clear();
        solution.getServices().forEach(s -> services.put(s.id(), s));
        gangs.clear();
        solution.getGangs().forEach(g -> gangs.put(g.id(), g));
        live = new OnlineCluster(solution, gpus);
    }

    private Map<String, int[]> gpuMap() {
        Map<String, int[]> gpus = new HashMap<>();
        for (Workload w : live.workloads()) {
            gpus.put(w.getId(), live.gpus(w.getId()));
        }
        return gpus;
    }

    /** The GPU map before a failed batch: without the indices the batch asked for. */
    private static Map<String, int[]> gpuMapOrBefore(Map<String, int[]> gpus, List<ClusterEvent> events) {
        Map<String, int[]> out = new HashMap<>(gpus);
        for (ClusterEvent e : events) {
            if (e.type() == ClusterEvent.Type.WORKLOAD_BOUND && e.workload() != null) {
                out.remove(e.workload().id());
            }
        }
        return out;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
