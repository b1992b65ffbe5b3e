package dev.computeplan.placement.solver;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.justifications.BalanceJustification;
import dev.computeplan.placement.solver.justifications.FragmentationJustification;
import dev.computeplan.placement.solver.justifications.GpuClassBalanceJustification;
import dev.computeplan.placement.solver.justifications.LoadCostJustification;
import dev.computeplan.placement.solver.justifications.MachineMoveJustification;
import dev.computeplan.placement.solver.justifications.PowerDrawJustification;
import dev.computeplan.placement.solver.justifications.PreferredGpuTypeJustification;
import dev.computeplan.placement.solver.justifications.ProcessMoveJustification;
import dev.computeplan.placement.solver.justifications.ServiceMoveJustification;
import dev.computeplan.placement.solver.justifications.UnassignedJustification;

/**
 * The placement rules, the reference for the incremental score. Per-node rules read one {@link NodeLoad} per node,
 * so a move re-evaluates only the nodes it touches. Every weight (one unit per level by default) can be overridden
 * per request by constraint name, which is also how ROADEF's move weights enter.
 */
public class PlacementConstraintProvider extends PlacementHardRules implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            nodeCapacity(factory), transientCapacity(factory), gpuCapacity(factory), gpuType(factory),
            nodeState(factory), serviceAntiAffinity(factory), serviceSpread(factory), serviceDependency(factory),
            gangAllOrNothing(factory), gangTopology(factory), rackPowerCap(factory), spareReserve(factory),
            unassignedWorkload(factory), processMove(factory), serviceMove(factory), machineMove(factory),
            loadCost(factory), balanceCost(factory), fragmentation(factory), preferredGpuType(factory),
            powerDraw(factory), gpuClassBalance(factory), preemption(factory), disruptionBudget(factory),
            topologySpread(factory), eviction(factory), topologySpreadSoft(factory)
        };
    }

    // ---- Kubernetes (see KubernetesConstraints) ----

    // Hard: only a strictly higher-priority workload arriving on its node may evict a running one (gangs as a whole).
    Constraint preemption(ConstraintFactory factory) {
        return KubernetesConstraints.preemption(factory, PREEMPTION);
    }

    // Hard: a disruption budget's moved or evicted running workloads stay within what it allows.
    Constraint disruptionBudget(ConstraintFactory factory) {
        return KubernetesConstraints.disruptionBudget(factory, DISRUPTION_BUDGET);
    }

    // Hard: topology spread (DoNotSchedule) keeps each service's skew within maxSkew.
    Constraint topologySpread(ConstraintFactory factory) {
        return KubernetesConstraints.topologySpread(factory, true, TOPOLOGY_SPREAD);
    }

    // Soft: evicting a running workload costs 2 x its move cost + 1.
    Constraint eviction(ConstraintFactory factory) {
        return KubernetesConstraints.eviction(factory, EVICTION);
    }

    // Soft: topology spread (ScheduleAnyway) costs its excess skew.
    Constraint topologySpreadSoft(ConstraintFactory factory) {
        return KubernetesConstraints.topologySpread(factory, false, TOPOLOGY_SPREAD_SOFT);
    }

    // ---- Medium ----

    // A pending workload costs its pending weight, which orders priorities lexicographically (see PendingWeights).
    Constraint unassignedWorkload(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Workload.class)
                .filter(w -> w.getNode() == null)
                .penalizeLong(MEDIUM, Workload::getPendingWeight)
                .justifyWith((w, score) -> new UnassignedJustification(
                        w.getId(),
                        w.getPriority(),
                        w.getCurrentNode() == null ? null : w.getCurrentNode().getId(),
                        "Workload %s (priority %d) is pending".formatted(w.getId(), w.getPriority())))
                .asConstraint(UNASSIGNED);
    }

    // ---- Soft ----

    // Each migrated running workload costs its move cost (ROADEF process move cost).
    Constraint processMove(ConstraintFactory factory) {
        return factory.forEach(Workload.class)
                .filter(Workload::isMoved)
                .penalizeLong(SOFT, Workload::getMoveCost)
                .justifyWith((w, score) -> new ProcessMoveJustification(
                        w.getId(),
                        w.getCurrentNode().getId(),
                        w.getNode().getId(),
                        w.getMoveCost(),
                        "Workload %s moves from %s to %s (cost %d)"
                                .formatted(
                                        w.getId(),
                                        w.getCurrentNode().getId(),
                                        w.getNode().getId(),
                                        w.getMoveCost())))
                .asConstraint(PROCESS_MOVE);
    }

    // The largest number of migrated workloads of any one service (ROADEF service move cost).
    Constraint serviceMove(ConstraintFactory factory) {
        return factory.forEach(Workload.class)
                .filter(w -> w.getService() != null && w.isMoved())
                .groupBy(Workload::getService, ConstraintCollectors.count())
                .groupBy(ConstraintCollectors.max(
                        (service, moved) -> new RuleTerms.ServiceMoves(service.id(), moved),
                        RuleTerms.ServiceMoves.ORDER))
                .penalizeLong(SOFT, RuleTerms.ServiceMoves::moved)
                .justifyWith((most, score) -> new ServiceMoveJustification(
                        most.serviceId(),
                        most.moved(),
                        "Service %s has the most migrated workloads: %d".formatted(most.serviceId(), most.moved())))
                .asConstraint(SERVICE_MOVE);
    }

    // Each migration costs the node-to-node move cost (ROADEF machine move cost).
    Constraint machineMove(ConstraintFactory factory) {
        return factory.forEach(Workload.class)
                .filter(w -> w.isMoved() && w.getCurrentNode().moveCostTo(w.getNode()) != 0)
                .penalizeLong(SOFT, w -> w.getCurrentNode().moveCostTo(w.getNode()))
                .justifyWith((w, score) -> new MachineMoveJustification(
                        w.getId(),
                        w.getCurrentNode().getId(),
                        w.getNode().getId(),
                        w.getCurrentNode().moveCostTo(w.getNode()),
                        "Moving %s from %s to %s costs %d"
                                .formatted(
                                        w.getId(),
                                        w.getCurrentNode().getId(),
                                        w.getNode().getId(),
                                        w.getCurrentNode().moveCostTo(w.getNode()))))
                .asConstraint(MACHINE_MOVE);
    }

    // Usage above a node's safety capacity costs the resource's load-cost weight per unit.
    Constraint loadCost(ConstraintFactory factory) {
        return RuleTerms.busyNodes(factory)
                .join(
                        Resource.class,
                        Joiners.filtering((node, load, resource) -> resource.loadCostWeight() != 0
                                && load.usage(resource.index()) > node.safetyCapacity(resource.index())))
                .penalizeLong(
                        SOFT,
                        (node, load, resource) ->
                                resource.loadCostWeight() * RuleTerms.overSafety(node, load, resource))
                .justifyWith((node, load, resource, score) -> new LoadCostJustification(
                        node.getId(),
                        resource.id(),
                        load.usage(resource.index()),
                        node.safetyCapacity(resource.index()),
                        RuleTerms.overSafety(node, load, resource),
                        resource.loadCostWeight(),
                        "Node %s uses %d %s, %d above its safety capacity %d"
                                .formatted(
                                        node.getId(),
                                        load.usage(resource.index()),
                                        resource.id(),
                                        RuleTerms.overSafety(node, load, resource),
                                        node.safetyCapacity(resource.index()))))
                .asConstraint(LOAD_COST);
    }

    // On every node, target x free(r1) above free(r2) costs the balance weight per unit (ROADEF balance cost).
    Constraint balanceCost(ConstraintFactory factory) {
        return RuleTerms.allNodes(factory)
                .join(
                        BalanceObjective.class,
                        Joiners.filtering((node, load, b) -> b.weight() != 0 && load.balanceShortfall(b) > 0))
                .penalizeLong(SOFT, (node, load, b) -> b.weight() * load.balanceShortfall(b))
                .justifyWith((node, load, b, score) -> new BalanceJustification(
                        node.getId(),
                        b.id(),
                        load.free(b.resource1().index()),
                        load.free(b.resource2().index()),
                        b.target(),
                        load.balanceShortfall(b),
                        b.weight(),
                        "Node %s: %d x free %s (%d) exceeds free %s (%d) by %d"
                                .formatted(
                                        node.getId(),
                                        b.target(),
                                        b.resource1().id(),
                                        load.free(b.resource1().index()),
                                        b.resource2().id(),
                                        load.free(b.resource2().index()),
                                        load.balanceShortfall(b))))
                .asConstraint(BALANCE);
    }

    // Free GPU capacity that typical workload shapes could not use, weighted by their popularity.
    Constraint fragmentation(ConstraintFactory factory) {
        return RuleTerms.allNodes(factory)
                .filter((node, load) -> node.getGpuCount() > 0 && node.getState() == NodeState.ACTIVE)
                .join(FragmentationProbe.class, Joiners.filtering((node, load, probe) -> load.fragmentMilli(probe) > 0))
                .penalizeLong(SOFT, (node, load, probe) -> probe.popularity() * load.fragmentMilli(probe))
                .justifyWith((node, load, probe, score) -> new FragmentationJustification(
                        node.getId(),
                        probe.id(),
                        load.fragmentMilli(probe),
                        probe.popularity(),
                        "Node %s: %d milli-GPU free that shape %s could not use"
                                .formatted(node.getId(), load.fragmentMilli(probe), probe.id())))
                .asConstraint(FRAGMENTATION);
    }

    // A workload with preferred GPU types should run on one of them.
    Constraint preferredGpuType(ConstraintFactory factory) {
        return factory.forEach(Workload.class)
                .filter(w -> w.usesGpu() && !w.prefersGpuType(w.getNode().getGpuType()))
                .penalizeLong(SOFT)
                .justifyWith((w, score) -> new PreferredGpuTypeJustification(
                        w.getId(),
                        w.getNode().getId(),
                        w.getNode().getGpuType(),
                        w.getPreferredGpuTypes(),
                        "Workload %s prefers GPU types %s, node %s has %s"
                                .formatted(
                                        w.getId(),
                                        w.getPreferredGpuTypes(),
                                        w.getNode().getId(),
                                        w.getNode().getGpuType())))
                .asConstraint(PREFERRED_GPU_TYPE);
    }

    // Total estimated draw of the powered nodes (idle draw plus their workloads').
    Constraint powerDraw(ConstraintFactory factory) {
        return RuleTerms.allNodes(factory)
                .filter((node, load) -> load.powerWatts() > 0)
                .penalizeLong(SOFT, (node, load) -> load.powerWatts())
                .justifyWith((node, load, score) -> new PowerDrawJustification(
                        node.getId(),
                        load.powerWatts(),
                        "Node %s draws about %d W".formatted(node.getId(), load.powerWatts())))
                .asConstraint(POWER_DRAW);
    }

    // Per GPU class (GPU count x type), P x used^2 / capacity with P the total popularity of the probes that may run
    // on the class's type: GPU use spread over the classes in proportion to their size (see GpuClassBalance for why).
    Constraint gpuClassBalance(ConstraintFactory factory) {
        return factory.forEach(Workload.class)
                .filter(Workload::usesGpu)
                .groupBy(
                        w -> GpuClassBalance.gpuClass(w.getNode()),
                        ConstraintCollectors.sumLong(Workload::gpuDemandMilli))
                .join(
                        RuleTerms.gpuClassCapacities(factory),
                        Joiners.equal((gpuClass, used) -> gpuClass, GpuClassBalance.ClassCapacity::gpuClass))
                .filter((gpuClass, used, cap) -> cap.penalty(used) > 0)
                .penalizeLong(SOFT, (gpuClass, used, cap) -> cap.penalty(used))
                .justifyWith((gpuClass, used, cap, score) -> new GpuClassBalanceJustification(
                        gpuClass,
                        used,
                        cap.capacityMilli(),
                        cap.popularity(),
                        cap.penalty(used),
                        "GPU class %s uses %d of %d milli-GPU (%d%%)"
                                .formatted(gpuClass, used, cap.capacityMilli(), 100 * used / cap.capacityMilli())))
                .asConstraint(GPU_CLASS_BALANCE);
    }
}
