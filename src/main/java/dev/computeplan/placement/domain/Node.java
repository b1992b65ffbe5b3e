package dev.computeplan.placement.domain;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A machine workloads can run on (problem fact). The core constructor carries what ROADEF needs
 * (capacities, zone = ROADEF location, network domain = ROADEF neighbourhood); the GPU cluster attributes
 * are set with the {@code with...} methods before solving and never change during a solve.
 */
public class Node {

    private final int index;

    @PlanningId
    private final String id;

    private final long[] capacity;
    private final long[] safetyCapacity;
    private final String zone;
    private final String networkDomain;

    private Rack rack;
    private int gpuCount;
    private String gpuType;
    private NodeState state = NodeState.ACTIVE;
    private long idlePowerWatts;
    private boolean powerOffWhenIdle;
    private long[] moveCostToDense;
    private Map<Integer, Long> moveCostToSparse = Map.of();

    /**
     * @param index          position of this node in {@link PlacementSolution#getNodes()} (0..M-1), used by move costs
     * @param id             name
     * @param capacity       per-resource capacity, indexed by {@link Resource#index()}
     * @param safetyCapacity per-resource usage above which load cost is charged (use {@code capacity} for none)
     * @param zone           failure domain / ROADEF location (spread counts distinct zones)
     * @param networkDomain  network or NVLink domain / ROADEF neighbourhood (dependencies, gang topology)
     */
    public Node(int index, String id, long[] capacity, long[] safetyCapacity, String zone, String networkDomain) {
        this.index = index;
        this.id = Objects.requireNonNull(id, "id");
        this.capacity = Objects.requireNonNull(capacity, "capacity");
        this.safetyCapacity = Objects.requireNonNull(safetyCapacity, "safetyCapacity");
        if (capacity.length != safetyCapacity.length) {
            throw new IllegalArgumentException("capacity and safetyCapacity differ in length for node " + id);
        }
        this.zone = Objects.requireNonNull(zone, "zone");
        this.networkDomain = Objects.requireNonNull(networkDomain, "networkDomain");
    }

    /** Whole GPUs on this node, all of one type. */
    public Node withGpus(int count, String type) {
        this.gpuCount = count;
        this.gpuType = type;
        return this;
    }

    public Node withRack(Rack rack) {
        this.rack = rack;
        return this;
    }

    public Node withState(NodeState state) {
        this.state = Objects.requireNonNull(state, "state");
        return this;
    }

    /** Estimated draw of the node when it runs anything (added to its workloads' draw for power caps). */
    /** The operator powers the node off whenever nothing runs on it, so an idle node draws nothing. */
    public Node withPowerOffWhenIdle(boolean off) {
        this.powerOffWhenIdle = off;
        return this;
    }

    /**
     * What the node draws with {@code workloads} workloads drawing {@code workloadWatts}: its idle draw whenever it
     * is powered, and it is powered unless it is idle and either failed or powered off when idle.
     */
    public long drawWatts(int workloads, long workloadWatts) {
        boolean powered = workloads > 0 || !(powerOffWhenIdle || state == NodeState.FAILED);
        return powered ? idlePowerWatts + workloadWatts : 0L;
    }

    public Node withIdlePowerWatts(long watts) {
        this.idlePowerWatts = watts;
        return this;
    }

    /** Dense move costs: {@code costs[j]} = cost of moving a workload from this node to the node of index j. */
    public Node withMoveCosts(long[] costs) {
        this.moveCostToDense = costs;
        return this;
    }

    /** Sparse move costs: node index to cost; missing entries cost 0. */
    public Node withMoveCosts(Map<Integer, Long> costs) {
        this.moveCostToSparse = new HashMap<>(costs);
        return this;
    }

    /** Cost of moving one workload from this node to {@code to} (ROADEF machine move cost). */
    public long moveCostTo(Node to) {
        if (to == this) {
            return 0L;
        }
        if (moveCostToDense != null) {
            return moveCostToDense[to.index];
        }
        return moveCostToSparse.getOrDefault(to.index, 0L);
    }

    public int getIndex() {
        return index;
    }

    public String getId() {
        return id;
    }

    /** Capacity of resource {@code r}; the array itself is shared, do not modify it. */
    public long capacity(int r) {
        return capacity[r];
    }

    public long safetyCapacity(int r) {
        return safetyCapacity[r];
    }

    public int resourceCount() {
        return capacity.length;
    }

    public String getZone() {
        return zone;
    }

    public String getNetworkDomain() {
        return networkDomain;
    }

    public Rack getRack() {
        return rack;
    }

    public int getGpuCount() {
        return gpuCount;
    }

    public String getGpuType() {
        return gpuType;
    }

    public NodeState getState() {
        return state;
    }

    public long getIdlePowerWatts() {
        return idlePowerWatts;
    }

    @Override
    public String toString() {
        return id;
    }
}
