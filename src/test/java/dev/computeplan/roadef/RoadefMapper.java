package dev.computeplan.roadef;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.ServiceDependency;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementConstraintProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For tests: maps a ROADEF instance onto the placement engine's domain directly and back (the CLI and the benchmarks
 * go through a placement request instead, {@link RoadefRequests}). Machines become nodes (location = zone,
 * neighborhood = network domain, move cost matrix = node move costs), services become anti-affine services with
 * spreadMin, processes become workloads whose current node is the initial machine. The three move weights enter
 * as constraint weight overrides, so the engine's soft score is minus the ROADEF cost.
 * Workload i is process i and node i is machine i.
 */
public final class RoadefMapper {

    private RoadefMapper() {}

    public static PlacementSolution toPlacement(RoadefInstance in, int[] assignment) {
        if (assignment.length != in.processCount()) {
            throw new IllegalArgumentException(
                    "assignment has " + assignment.length + " machines for " + in.processCount() + " processes");
        }
        List<Resource> resourceList = resources(in);
        List<Node> nodes = nodes(in);
        List<Service> services = new ArrayList<>(in.serviceCount());
        for (int s = 0; s < in.serviceCount(); s++) {
            services.add(new Service("s" + s, true, in.spreadMin(s)));
        }
        List<ServiceDependency> dependencies = new ArrayList<>();
        for (int s = 0; s < in.serviceCount(); s++) {
            for (int i = 0; i < in.dependsOnCount(s); i++) {
                dependencies.add(new ServiceDependency(services.get(s), services.get(in.dependsOn(s, i))));
            }
        }
        List<BalanceObjective> balances = balances(in, resourceList);
        List<Workload> workloads = workloads(in, assignment, nodes, services);
        return new PlacementSolution(resourceList, nodes, services, dependencies, balances, workloads)
                .withConstraintWeightOverrides(weights(in));
    }

    private static List<Resource> resources(RoadefInstance in) {
        List<Resource> resourceList = new ArrayList<>(in.resourceCount());
        for (int r = 0; r < in.resourceCount(); r++) {
            resourceList.add(new Resource(r, "r" + r, in.isTransient(r), in.loadCostWeight(r)));
        }
        return resourceList;
    }

    private static List<Node> nodes(RoadefInstance in) {
        int resources = in.resourceCount();
        List<Node> nodes = new ArrayList<>(in.machineCount());
        for (int m = 0; m < in.machineCount(); m++) {
            long[] capacity = new long[resources];
            long[] safety = new long[resources];
            for (int r = 0; r < resources; r++) {
                capacity[r] = in.capacity(m, r);
                safety[r] = in.safetyCapacity(m, r);
            }
            long[] moveCosts = new long[in.machineCount()];
            for (int to = 0; to < moveCosts.length; to++) {
                moveCosts[to] = in.machineMoveCost(m, to);
            }
            nodes.add(new Node(
                            m,
                            "m" + m,
                            capacity,
                            safety,
                            "location" + in.location(m),
                            "neighborhood" + in.neighborhood(m))
                    .withMoveCosts(moveCosts));
        }
        return nodes;
    }

    private static List<BalanceObjective> balances(RoadefInstance in, List<Resource> resourceList) {
        List<BalanceObjective> balances = new ArrayList<>(in.balanceCount());
        for (int b = 0; b < in.balanceCount(); b++) {
            balances.add(new BalanceObjective(
                    "b" + b,
                    resourceList.get(in.balanceResource1(b)),
                    resourceList.get(in.balanceResource2(b)),
                    in.balanceTarget(b),
                    in.balanceWeight(b)));
        }
        return balances;
    }

    /** Process p as workload p: current node is its initial machine, planning value the given assignment. */
    private static List<Workload> workloads(
            RoadefInstance in, int[] assignment, List<Node> nodes, List<Service> services) {
        int resources = in.resourceCount();
        List<Workload> workloads = new ArrayList<>(in.processCount());
        for (int p = 0; p < in.processCount(); p++) {
            long[] requirement = new long[resources];
            for (int r = 0; r < resources; r++) {
                requirement[r] = in.requirement(p, r);
            }
            workloads.add(new Workload(
                            processId(p),
                            requirement,
                            services.get(in.service(p)),
                            nodes.get(in.initialMachine(p)),
                            in.processMoveCost(p))
                    .withNode(nodes.get(assignment[p])));
        }
        return workloads;
    }

    /** The ROADEF move weights as overrides of the engine's move constraints (soft, one unit = one cost unit). */
    static ConstraintWeightOverrides<HardMediumSoftLongScore> weights(RoadefInstance in) {
        return ConstraintWeightOverrides.of(Map.of(
                PlacementConstraintProvider.PROCESS_MOVE, HardMediumSoftLongScore.ofSoft(in.processMoveWeight()),
                PlacementConstraintProvider.SERVICE_MOVE, HardMediumSoftLongScore.ofSoft(in.serviceMoveWeight()),
                PlacementConstraintProvider.MACHINE_MOVE, HardMediumSoftLongScore.ofSoft(in.machineMoveWeight())));
    }

    /** Machine of each process; -1 where the engine left a workload unassigned. */
    public static int[] toAssignment(PlacementSolution solution) {
        List<Workload> workloads = solution.getWorkloads();
        int[] assignment = new int[workloads.size()];
        for (int p = 0; p < assignment.length; p++) {
            Workload w = workloads.get(p);
            if (!processId(p).equals(w.getId())) {
                throw new IllegalArgumentException("workload " + p + " is " + w.getId() + ", expected " + processId(p));
            }
            assignment[p] = w.getNode() == null ? -1 : w.getNode().getIndex();
        }
        return assignment;
    }

    static String processId(int p) {
        return "p" + p;
    }
}
