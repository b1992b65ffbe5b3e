package dev.computeplan.roadef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One ROADEF/EURO 2012 machine reassignment instance: the model plus the initial assignment.
 * Immutable; stored in flat primitive arrays because the large instances have 50,000 processes
 * and 5,000 machines (the machine move cost matrix alone is 25 million entries).
 * Indices are 0-based exactly as in the files.
 */
public final class RoadefInstance {

    private final int resourceCount;
    private final boolean[] transientResource;
    private final long[] loadCostWeight;

    private final int machineCount;
    private final int[] neighborhood;
    private final int[] location;
    private final long[] capacity; // [m * R + r]
    private final long[] safetyCapacity; // [m * R + r]
    private final int[] machineMoveCost; // [from * M + to]

    private final int[] spreadMin;
    private final int[][] dependsOn;
    private final int[][] dependents; // reverse of dependsOn: services that depend on s
    private final int[][] processesOfService;

    private final int[] service;
    private final long[] requirement; // [p * R + r]
    private final long[] processMoveCost;

    private final int[] balanceResource1;
    private final int[] balanceResource2;
    private final long[] balanceTarget;
    private final long[] balanceWeight;

    private final long processMoveWeight;
    private final long serviceMoveWeight;
    private final long machineMoveWeight;

    private final int[] initialAssignment;
    private final int neighborhoodCount;
    private final int locationCount;

    RoadefInstance(
            boolean[] transientResource,
            long[] loadCostWeight,
            int[] neighborhood,
            int[] location,
            long[] capacity,
            long[] safetyCapacity,
            int[] machineMoveCost,
            int[] spreadMin,
            int[][] dependsOn,
            int[] service,
            long[] requirement,
            long[] processMoveCost,
            int[] balanceResource1,
            int[] balanceResource2,
            long[] balanceTarget,
            long[] balanceWeight,
            long processMoveWeight,
            long serviceMoveWeight,
            long machineMoveWeight,
            int[] initialAssignment) {
        this.resourceCount = transientResource.length;
        this.transientResource = transientResource.clone();
        this.loadCostWeight = loadCostWeight.clone();
        this.machineCount = neighborhood.length;
        this.neighborhood = neighborhood.clone();
        this.location = location.clone();
        this.capacity = capacity.clone();
        this.safetyCapacity = safetyCapacity.clone();
        this.machineMoveCost = machineMoveCost.clone();
        this.spreadMin = spreadMin.clone();
        this.dependsOn = deepCopy(dependsOn);
        this.service = service.clone();
        this.requirement = requirement.clone();
        this.processMoveCost = processMoveCost.clone();
        this.balanceResource1 = balanceResource1.clone();
        this.balanceResource2 = balanceResource2.clone();
        this.balanceTarget = balanceTarget.clone();
        this.balanceWeight = balanceWeight.clone();
        this.processMoveWeight = processMoveWeight;
        this.serviceMoveWeight = serviceMoveWeight;
        this.machineMoveWeight = machineMoveWeight;
        this.initialAssignment = initialAssignment.clone();
        checkShapes();
        this.neighborhoodCount = Arrays.stream(neighborhood).max().orElse(-1) + 1;
        this.locationCount = Arrays.stream(location).max().orElse(-1) + 1;
        this.dependents = reverse(this.dependsOn);
        this.processesOfService = groupByService(this.service, spreadMin.length);
    }

    private void checkShapes() {
        int r = resourceCount;
        int m = machineCount;
        int s = spreadMin.length;
        int p = service.length;
        require(loadCostWeight.length == r, "one load cost weight per resource");
        require(location.length == m, "one location per machine");
        require(capacity.length == (long) m * r && safetyCapacity.length == (long) m * r, "R capacities per machine");
        require(machineMoveCost.length == (long) m * m, "M move costs per machine");
        require(dependsOn.length == s, "one dependency list per service");
        require(requirement.length == (long) p * r, "R requirements per process");
        require(processMoveCost.length == p, "one move cost per process");
        int b = balanceResource1.length;
        require(
                balanceResource2.length == b && balanceTarget.length == b && balanceWeight.length == b,
                "balance objective arrays of equal length");
        require(
                initialAssignment.length == p,
                "initial assignment has " + initialAssignment.length + " machines, expected one per process (" + p
                        + ")");
        for (int i = 0; i < m; i++) {
            require(neighborhood[i] >= 0 && location[i] >= 0, "machine " + i + ": negative neighborhood or location");
        }
        for (int i = 0; i < s; i++) {
            require(spreadMin[i] >= 0, "service " + i + ": negative spreadMin");
            for (int t : dependsOn[i]) {
                require(t >= 0 && t < s, "service " + i + " depends on unknown service " + t);
                require(t != i, "service " + i + " depends on itself");
            }
        }
        for (int i = 0; i < p; i++) {
            require(service[i] >= 0 && service[i] < s, "process " + i + ": unknown service " + service[i]);
            require(
                    initialAssignment[i] >= 0 && initialAssignment[i] < m,
                    "process " + i + ": initial machine " + initialAssignment[i] + " out of range 0.." + (m - 1));
        }
        for (int i = 0; i < b; i++) {
            require(
                    balanceResource1[i] >= 0
                            && balanceResource1[i] < r
                            && balanceResource2[i] >= 0
                            && balanceResource2[i] < r,
                    "balance objective " + i + ": unknown resource");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new RoadefFormatException(message);
        }
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] copy = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    private static int[][] reverse(int[][] dependsOn) {
        List<List<Integer>> rev = new ArrayList<>();
        for (int i = 0; i < dependsOn.length; i++) {
            rev.add(new ArrayList<>());
        }
        for (int s = 0; s < dependsOn.length; s++) {
            for (int t : dependsOn[s]) {
                rev.get(t).add(s);
            }
        }
        int[][] out = new int[dependsOn.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = rev.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static int[][] groupByService(int[] service, int serviceCount) {
        int[] size = new int[serviceCount];
        for (int s : service) {
            size[s]++;
        }
        int[][] out = new int[serviceCount][];
        for (int s = 0; s < serviceCount; s++) {
            out[s] = new int[size[s]];
            size[s] = 0;
        }
        for (int p = 0; p < service.length; p++) {
            out[service[p]][size[service[p]]++] = p;
        }
        return out;
    }

    public int resourceCount() {
        return resourceCount;
    }

    public int machineCount() {
        return machineCount;
    }

    public int serviceCount() {
        return spreadMin.length;
    }

    public int processCount() {
        return service.length;
    }

    public int balanceCount() {
        return balanceResource1.length;
    }

    public int neighborhoodCount() {
        return neighborhoodCount;
    }

    public int locationCount() {
        return locationCount;
    }

    public boolean isTransient(int r) {
        return transientResource[r];
    }

    public long loadCostWeight(int r) {
        return loadCostWeight[r];
    }

    public int neighborhood(int m) {
        return neighborhood[m];
    }

    public int location(int m) {
        return location[m];
    }

    public long capacity(int m, int r) {
        return capacity[m * resourceCount + r];
    }

    public long safetyCapacity(int m, int r) {
        return safetyCapacity[m * resourceCount + r];
    }
    /** Cost of moving a process whose initial machine is {@code from} to machine {@code to}. */
    public int machineMoveCost(int from, int to) {
        return machineMoveCost[from * machineCount + to];
    }

    public int spreadMin(int s) {
        return spreadMin[s];
    }

    public int dependsOnCount(int s) {
        return dependsOn[s].length;
    }

    public int dependsOn(int s, int i) {
        return dependsOn[s][i];
    }

    public int dependentCount(int s) {
        return dependents[s].length;
    }

    public int dependent(int s, int i) {
        return dependents[s][i];
    }

    public int serviceSize(int s) {
        return processesOfService[s].length;
    }

    public int processOfService(int s, int i) {
        return processesOfService[s][i];
    }

    public int service(int p) {
        return service[p];
    }

    public long requirement(int p, int r) {
        return requirement[p * resourceCount + r];
    }

    public long processMoveCost(int p) {
        return processMoveCost[p];
    }

    public int balanceResource1(int b) {
        return balanceResource1[b];
    }

    public int balanceResource2(int b) {
        return balanceResource2[b];
    }

    public long balanceTarget(int b) {
        return balanceTarget[b];
    }

    public long balanceWeight(int b) {
        return balanceWeight[b];
    }

    public long processMoveWeight() {
        return processMoveWeight;
    }

    public long serviceMoveWeight() {
        return serviceMoveWeight;
    }

    public long machineMoveWeight() {
        return machineMoveWeight;
    }

    public int initialMachine(int p) {
        return initialAssignment[p];
    }

    public int[] initialAssignment() {
        return initialAssignment.clone();
    }

    @Override
    public String toString() {
        return "RoadefInstance[R=" + resourceCount + ", M=" + machineCount + ", S=" + serviceCount() + ", P="
                + processCount() + ", B=" + balanceCount() + "]";
    }
}
