package dev.computeplan.placement.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.ServiceDependency;
import dev.computeplan.placement.domain.SpareReserve;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.justifications.AntiAffinityJustification;
import dev.computeplan.placement.solver.justifications.DependencyJustification;
import dev.computeplan.placement.solver.justifications.GangAllOrNothingJustification;
import dev.computeplan.placement.solver.justifications.GangTopologyJustification;
import dev.computeplan.placement.solver.justifications.GpuCapacityJustification;
import dev.computeplan.placement.solver.justifications.GpuTypeJustification;
import dev.computeplan.placement.solver.justifications.NodeCapacityJustification;
import dev.computeplan.placement.solver.justifications.NodeStateJustification;
import dev.computeplan.placement.solver.justifications.RackPowerJustification;
import dev.computeplan.placement.solver.justifications.SpareReserveJustification;
import dev.computeplan.placement.solver.justifications.SpreadJustification;
import dev.computeplan.placement.solver.justifications.TransientCapacityJustification;
import java.util.List;

/**
 * The hard placement rules and every rule's name; {@link PlacementConstraintProvider} adds the medium and soft rules.
 * Split in two only to keep each file readable; Timefold sees the one provider.
 */
abstract class PlacementHardRules {

    public static final String NODE_CAPACITY = "nodeCapacity";
    public static final String TRANSIENT_CAPACITY = "transientCapacity";
    public static final String GPU_CAPACITY = "gpuCapacity";
    public static final String GPU_TYPE = "gpuType";
    public static final String NODE_STATE = "nodeState";
    public static final String ANTI_AFFINITY = "serviceAntiAffinity";
    public static final String SPREAD = "serviceSpread";
    public static final String DEPENDENCY = "serviceDependency";
    public static final String GANG_ALL_OR_NOTHING = "gangAllOrNothing";
    public static final String GANG_TOPOLOGY = "gangTopology";
    public static final String RACK_POWER = "rackPowerCap";
    public static final String SPARE_RESERVE = "spareReserve";
    public static final String PREEMPTION = "preemption";
    public static final String DISRUPTION_BUDGET = "disruptionBudget";
    public static final String TOPOLOGY_SPREAD = "topologySpread";
    public static final String UNASSIGNED = "unassignedWorkload";
    public static final String PROCESS_MOVE = "processMove";
    public static final String SERVICE_MOVE = "serviceMove";
    public static final String MACHINE_MOVE = "machineMove";
    public static final String LOAD_COST = "loadCost";
    public static final String BALANCE = "balanceCost";
    public static final String FRAGMENTATION = "fragmentation";
    public static final String GPU_CLASS_BALANCE = "gpuClassBalance";
    public static final String PREFERRED_GPU_TYPE = "preferredGpuType";
    public static final String POWER_DRAW = "powerDraw";
    public static final String EVICTION = "eviction";
    public static final String TOPOLOGY_SPREAD_SOFT = "topologySpreadSoft";

    /** Every constraint name, hard first; requests may override exactly these. */
    public static final List<String> NAMES = List.of(
            NODE_CAPACITY,
            TRANSIENT_CAPACITY,
            GPU_CAPACITY,
            GPU_TYPE,
            NODE_STATE,
            ANTI_AFFINITY,
            SPREAD,
            DEPENDENCY,
            GANG_ALL_OR_NOTHING,
            GANG_TOPOLOGY,
            RACK_POWER,
            SPARE_RESERVE,
            PREEMPTION,
            DISRUPTION_BUDGET,
            TOPOLOGY_SPREAD,
            UNASSIGNED,
            PROCESS_MOVE,
            SERVICE_MOVE,
            MACHINE_MOVE,
            LOAD_COST,
            BALANCE,
            FRAGMENTATION,
            PREFERRED_GPU_TYPE,
            POWER_DRAW,
            GPU_CLASS_BALANCE,
            EVICTION,
            TOPOLOGY_SPREAD_SOFT);

    static final HardMediumSoftLongScore HARD = HardMediumSoftLongScore.ONE_HARD;
    static final HardMediumSoftLongScore MEDIUM = HardMediumSoftLongScore.ONE_MEDIUM;
    static final HardMediumSoftLongScore SOFT = HardMediumSoftLongScore.ONE_SOFT;

    // ---- Hard ----

    // Per node and resource, the workloads on the node need at most its capacity.
    Constraint nodeCapacity(ConstraintFactory factory) {
        return RuleTerms.busyNodes(factory)
                .join(Resource.class)
                .filter((node, load, resource) -> !resource.gpuMirror() && load.excess(resource.index()) > 0)
                .penalizeLong(HARD, (node, load, resource) -> load.excess(resource.index()))
                .justifyWith((node, load, resource, score) -> new NodeCapacityJustification(
                        node.getId(),
                        resource.id(),
                        load.usage(resource.index()),
                        node.capacity(resource.index()),
                        load.excess(resource.index()),
                        "Node %s needs %d %s but has %d (%d over)"
                                .formatted(
                                        node.getId(),
                                        load.usage(resource.index()),
                                        resource.id(),
                                        node.capacity(resource.index()),
                                        load.excess(resource.index()))))
                .asConstraint(NODE_CAPACITY);
    }

    // Per transient resource, usage plus what workloads moving away still hold stays within capacity;
    // counts only the excess that the moving workloads add on top of nodeCapacity's.
    Constraint transientCapacity(ConstraintFactory factory) {
        UniConstraintStream<NodeLoad> loads = RuleTerms.allNodes(factory).map((node, load) -> load);
        return factory.forEach(Workload.class)
                .filter(Workload::isMoved)
                .groupBy(Workload::getCurrentNode, MovedOutCollector.INSTANCE)
                .join(Resource.class, Joiners.filtering((node, out, resource) -> resource.transientUsage()))
                .join(loads, Joiners.equal((node, out, resource) -> node, NodeLoad::node))
                .filter((node, out, resource, load) -> RuleTerms.transientExcess(load, out, resource) > 0)
                .penalizeLong(HARD, (node, out, resource, load) -> RuleTerms.transientExcess(load, out, resource))
                .justifyWith((node, out, resource, load, score) -> new TransientCapacityJustification(
                        node.getId(),
                        resource.id(),
                        load.usage(resource.index()),
                        out.usage(resource.index()),
                        node.capacity(resource.index()),
                        RuleTerms.transientExcess(load, out, resource),
                        "Node %s: %d %s in use plus %d still held by workloads moving away exceeds capacity %d"
                                .formatted(
                                        node.getId(),
                                        load.usage(resource.index()),
                                        resource.id(),
                                        out.usage(resource.index()),
                                        node.capacity(resource.index()))))
                .asConstraint(TRANSIENT_CAPACITY);
    }

    // Whole GPUs plus fractional shares (each on one GPU, never split) fit the node's GPUs.
    Constraint gpuCapacity(ConstraintFactory factory) {
        return RuleTerms.busyNodes(factory)
                .filter((node, load) -> load.packing().overflowMilli() > 0)
                .penalizeLong(HARD, (node, load) -> load.packing().overflowMilli())
                .justifyWith((node, load, score) -> new GpuCapacityJustification(
                        node.getId(),
                        node.getGpuCount(),
                        RuleTerms.gpuDemandMilli(load),
                        load.packing().overflowMilli(),
                        "Node %s has %d GPUs; %d milli-GPU of its workloads' demand does not fit without splitting a GPU"
                                .formatted(
                                        node.getId(),
                                        node.getGpuCount(),
                                        load.packing().overflowMilli())))
                .asConstraint(GPU_CAPACITY);
    }

    // A GPU workload with allowed GPU types runs only on a node of one of those types.
    Constraint gpuType(ConstraintFactory factory) {
        return factory.forEach(Workload.class)
                .filter(w -> w.usesGpu() && !w.allowsGpuType(w.getNode().getGpuType()))
                .penalizeLong(HARD)
                .justifyWith((w, score) -> new GpuTypeJustification(
                        w.getId(),
                        w.getNode().getId(),
                        w.getNode().getGpuType(),
                        w.getAllowedGpuTypes(),
                        "Workload %s allows GPU types %s but node %s has %s"
                                .formatted(
                                        w.getId(),
                                        w.getAllowedGpuTypes(),
                                        w.getNode().getId(),
                                        w.getNode().getGpuType() == null
                                                ? "no GPU"
                                                : w.getNode().getGpuType())))
                .asConstraint(GPU_TYPE);
    }

    // Nothing runs on a failed or draining node; a cordoned node keeps only the workloads already on it.
    Constraint nodeState(ConstraintFactory factory) {
        return factory.forEach(Workload.class)
                .filter(RuleTerms::violatesNodeState)
                .penalizeLong(HARD)
                .justifyWith((w, score) -> new NodeStateJustification(
                        w.getId(),
                        w.getNode().getId(),
                        w.getNode().getState().name(),
                        "Workload %s is on node %s, which is %s"
                                .formatted(
                                        w.getId(),
                                        w.getNode().getId(),
                                        w.getNode().getState().name().toLowerCase())))
                .asConstraint(NODE_STATE);
    }

    // Two workloads of an anti-affine service never share a node (ROADEF conflict).
    Constraint serviceAntiAffinity(ConstraintFactory factory) {
        UniConstraintStream<Workload> affine = factory.forEach(Workload.class)
                .filter(w -> w.getService() != null && w.getService().antiAffinity());
        return affine.join(
                        affine,
                        Joiners.equal(Workload::getService),
                        Joiners.equal(Workload::getNode),
                        Joiners.lessThan(Workload::getId))
                .penalizeLong(HARD)
                .justifyWith((a, b, score) -> new AntiAffinityJustification(
                        a.getService().id(),
                        a.getId(),
                        b.getId(),
                        a.getNode().getId(),
                        "Workloads %s and %s of service %s share node %s"
                                .formatted(
                                        a.getId(),
                                        b.getId(),
                                        a.getService().id(),
                                        a.getNode().getId())))
                .asConstraint(ANTI_AFFINITY);
    }

    // The assigned workloads of a service cover at least min(spreadMin, assigned count) distinct zones
    // (one replica cannot be in two zones: counting it as a violation would stop replicas being placed one by one).
    Constraint serviceSpread(ConstraintFactory factory) {
        return factory.forEach(Workload.class)
                .filter(w -> w.getService() != null && w.getService().spreadMin() > 1)
                .groupBy(
                        Workload::getService,
                        ConstraintCollectors.countDistinct(w -> w.getNode().getZone()),
                        ConstraintCollectors.count())
                .filter((service, zones, assigned) -> zones < Math.min(service.spreadMin(), assigned))
                .penalizeLong(HARD, (service, zones, assigned) -> Math.min(service.spreadMin(), assigned) - zones)
                .justifyWith((service, zones, assigned, score) -> new SpreadJustification(
                        service.id(),
                        zones,
                        Math.min(service.spreadMin(), assigned),
                        Math.min(service.spreadMin(), assigned) - zones,
                        "Service %s runs in %d zones, needs at least %d"
                                .formatted(service.id(), zones, Math.min(service.spreadMin(), assigned))))
                .asConstraint(SPREAD);
    }

    // Every network domain hosting service s also hosts the service s depends on.
    Constraint serviceDependency(ConstraintFactory factory) {
        return factory.forEach(ServiceDependency.class)
                .join(Workload.class, Joiners.equal(ServiceDependency::service, Workload::getService))
                .groupBy((dep, w) -> dep, (dep, w) -> w.getNode().getNetworkDomain())
                .ifNotExists(
                        Workload.class,
                        Joiners.equal((dep, domain) -> dep.dependsOn(), Workload::getService),
                        Joiners.equal((dep, domain) -> domain, w -> w.getNode().getNetworkDomain()))
                .penalizeLong(HARD)
                .justifyWith((dep, domain, score) -> new DependencyJustification(
                        dep.service().id(),
                        dep.dependsOn().id(),
                        domain,
                        "Network domain %s hosts service %s but not %s, which it depends on"
                                .formatted(
                                        domain,
                                        dep.service().id(),
                                        dep.dependsOn().id())))
                .asConstraint(DEPENDENCY);
    }

    // A gang is placed whole or not at all: penalise the missing members of a partly placed gang.
    Constraint gangAllOrNothing(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Workload.class)
                .filter(w -> w.getGang() != null)
                .groupBy(
                        Workload::getGang,
                        ConstraintCollectors.conditionally(Workload::isAssigned, ConstraintCollectors.count()),
                        ConstraintCollectors.count())
                .filter((gang, assigned, members) -> assigned > 0 && assigned < members)
                .penalizeLong(HARD, (gang, assigned, members) -> members - assigned)
                .justifyWith((gang, assigned, members, score) -> new GangAllOrNothingJustification(
                        gang.id(),
                        assigned,
                        members,
                        members - assigned,
                        "Gang %s has %d of %d members placed".formatted(gang.id(), assigned, members)))
                .asConstraint(GANG_ALL_OR_NOTHING);
    }

    // A gang that asks for one rack or one network domain uses only one.
    Constraint gangTopology(ConstraintFactory factory) {
        return factory.forEach(Workload.class)
                .filter(w -> w.getGang() != null && w.getGang().topology() != GangTopology.ANY)
                .groupBy(Workload::getGang, ConstraintCollectors.countDistinct(RuleTerms::topologyKey))
                .filter((gang, domains) -> domains > 1)
                .penalizeLong(HARD, (gang, domains) -> domains - 1)
                .justifyWith((gang, domains, score) -> new GangTopologyJustification(
                        gang.id(),
                        gang.topology().name(),
                        domains,
                        "Gang %s must be in one %s but spans %d"
                                .formatted(
                                        gang.id(),
                                        gang.topology() == GangTopology.SAME_RACK ? "rack" : "network domain",
                                        domains)))
                .asConstraint(GANG_TOPOLOGY);
    }

    // The estimated draw of a rack's busy nodes stays within its power cap.
    Constraint rackPowerCap(ConstraintFactory factory) {
        return RuleTerms.allNodes(factory)
                .filter((node, load) -> node.getRack() != null && node.getRack().capped())
                .groupBy(
                        (node, load) -> node.getRack(), ConstraintCollectors.sumLong((node, load) -> load.powerWatts()))
                .filter((rack, draw) -> draw > rack.powerCapWatts())
                .penalizeLong(HARD, (rack, draw) -> draw - rack.powerCapWatts())
                .justifyWith((rack, draw, score) -> new RackPowerJustification(
                        rack.id(),
                        draw,
                        rack.powerCapWatts(),
                        draw - rack.powerCapWatts(),
                        "Rack %s draws %d W, cap %d W".formatted(rack.id(), draw, rack.powerCapWatts())))
                .asConstraint(RACK_POWER);
    }

    // The active nodes of a zone keep at least the reserved number of completely free GPUs. Every node of the zone
    // is grouped, so a zone whose GPU nodes have all failed is short by the whole reserve rather than forgotten.
    Constraint spareReserve(ConstraintFactory factory) {
        return RuleTerms.allNodes(factory)
                .groupBy(
                        (node, load) -> node.getZone(),
                        ConstraintCollectors.sumLong((node, load) -> node.getState() == NodeState.ACTIVE
                                ? load.packing().freeWholeGpus()
                                : 0L))
                .join(SpareReserve.class, Joiners.equal((zone, free) -> zone, SpareReserve::zone))
                .filter((zone, free, reserve) -> free < reserve.gpus())
                .penalizeLong(HARD, (zone, free, reserve) -> reserve.gpus() - free)
                .justifyWith((zone, free, reserve, score) -> new SpareReserveJustification(
                        zone,
                        free,
                        reserve.gpus(),
                        reserve.gpus() - free,
                        "Zone %s keeps %d free GPUs, reserve is %d".formatted(zone, free, reserve.gpus())))
                .asConstraint(SPARE_RESERVE);
    }
}
