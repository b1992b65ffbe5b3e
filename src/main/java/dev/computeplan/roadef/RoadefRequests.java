package dev.computeplan.roadef;

import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.solver.PlacementConstraintProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ROADEF instance as a placement request, the same a scheduler would send to {@code POST /api/v1/placement/jobs}:
 * resources with their transient flag and load cost weight, machines as nodes (capacity, safety capacity,
 * location as zone, neighborhood as network domain), services with anti-affinity, spreadMin and dependencies,
 * processes as running workloads (current node, move cost), balance objectives, the machine move cost matrix as
 * node-to-node move costs, and the three move weights as constraint weights. The request's cost is the ROADEF cost
 * (minus the soft score). Workload {@code p<i>} is process i and node {@code m<i>} machine i.
 */
public final class RoadefRequests {

    private RoadefRequests() {}

    public static PlacementRequest toRequest(RoadefInstance in) {
        List<PlacementRequest.ResourceDto> resources = new ArrayList<>();
        for (int r = 0; r < in.resourceCount(); r++) {
            resources.add(new PlacementRequest.ResourceDto(resource(r), in.isTransient(r), in.loadCostWeight(r)));
        }
        List<PlacementRequest.ServiceDto> services = new ArrayList<>();
        for (int s = 0; s < in.serviceCount(); s++) {
            List<String> dependsOn = new ArrayList<>();
            for (int i = 0; i < in.dependsOnCount(s); i++) {
                dependsOn.add(service(in.dependsOn(s, i)));
            }
            services.add(new PlacementRequest.ServiceDto(service(s), true, in.spreadMin(s), dependsOn));
        }
        List<PlacementRequest.BalanceDto> balances = new ArrayList<>();
        for (int b = 0; b < in.balanceCount(); b++) {
            balances.add(new PlacementRequest.BalanceDto(
                    "b" + b,
                    resource(in.balanceResource1(b)),
                    resource(in.balanceResource2(b)),
                    in.balanceTarget(b),
                    in.balanceWeight(b)));
        }
        return new PlacementRequest(
                resources,
                nodes(in),
                null,
                services,
                null,
                workloads(in),
                balances,
                null,
                null,
                moveCosts(in),
                Map.of(
                        PlacementConstraintProvider.PROCESS_MOVE, in.processMoveWeight(),
                        PlacementConstraintProvider.SERVICE_MOVE, in.serviceMoveWeight(),
                        PlacementConstraintProvider.MACHINE_MOVE, in.machineMoveWeight()),
                null);
    }

    private static List<PlacementRequest.NodeDto> nodes(RoadefInstance in) {
        List<PlacementRequest.NodeDto> nodes = new ArrayList<>(in.machineCount());
        for (int m = 0; m < in.machineCount(); m++) {
            Map<String, Long> capacity = new LinkedHashMap<>();
            Map<String, Long> safety = new LinkedHashMap<>();
            for (int r = 0; r < in.resourceCount(); r++) {
                capacity.put(resource(r), in.capacity(m, r));
                safety.put(resource(r), in.safetyCapacity(m, r));
            }
            nodes.add(new PlacementRequest.NodeDto(
                    machine(m),
                    capacity,
                    safety,
                    "location" + in.location(m),
                    "neighborhood" + in.neighborhood(m),
                    null,
                    null,
                    null,
                    null,
                    null));
        }
        return nodes;
    }

    private static List<PlacementRequest.WorkloadDto> workloads(RoadefInstance in) {
        List<PlacementRequest.WorkloadDto> workloads = new ArrayList<>(in.processCount());
        for (int p = 0; p < in.processCount(); p++) {
            Map<String, Long> requirements = new LinkedHashMap<>();
            for (int r = 0; r < in.resourceCount(); r++) {
                if (in.requirement(p, r) != 0) {
                    requirements.put(resource(r), in.requirement(p, r));
                }
            }
            workloads.add(new PlacementRequest.WorkloadDto(
                    processId(p),
                    requirements,
                    null,
                    null,
                    null,
                    null,
                    null,
                    service(in.service(p)),
                    null,
                    machine(in.initialMachine(p)),
                    in.processMoveCost(p),
                    null,
                    null));
        }
        return workloads;
    }

    /** The non-zero machine move costs (a missing pair costs 0). */
    private static List<PlacementRequest.MoveCostDto> moveCosts(RoadefInstance in) {
        List<PlacementRequest.MoveCostDto> costs = new ArrayList<>();
        for (int from = 0; from < in.machineCount(); from++) {
            for (int to = 0; to < in.machineCount(); to++) {
                if (in.machineMoveCost(from, to) != 0) {
                    costs.add(new PlacementRequest.MoveCostDto(
                            machine(from), machine(to), (long) in.machineMoveCost(from, to)));
                }
            }
        }
        return costs;
    }

    /** The machine of each process in {@code plan} (in request order), -1 where it left a process pending. */
    public static int[] toAssignment(PlacementPlan plan, int processes) {
        List<PlacementPlan.Assignment> assignments = plan.assignments();
        if (assignments.size() != processes) {
            throw new IllegalArgumentException(
                    "plan has " + assignments.size() + " assignments for " + processes + " processes");
        }
        int[] machines = new int[processes];
        for (int p = 0; p < processes; p++) {
            PlacementPlan.Assignment a = assignments.get(p);
            if (!processId(p).equals(a.workload())) {
                throw new IllegalArgumentException("assignment " + p + " is for " + a.workload());
            }
            machines[p] = a.node() == null ? -1 : Integer.parseInt(a.node().substring(1));
        }
        return machines;
    }

    static String processId(int p) {
        return "p" + p;
    }

    static String resource(int r) {
        return "r" + r;
    }

    static String service(int s) {
        return "s" + s;
    }

    static String machine(int m) {
        return "m" + m;
    }
}
