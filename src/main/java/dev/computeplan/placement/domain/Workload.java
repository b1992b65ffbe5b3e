package dev.computeplan.placement.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A pod, process or gang member to place (planning entity). Its planning variable {@link #getNode()} may stay
 * unassigned (pending) when nothing fits; the core constructor carries what ROADEF needs, the GPU attributes
 * are set with the {@code with...} methods.
 */
@PlanningEntity(difficultyComparatorClass = WorkloadDifficultyComparator.class)
public class Workload {

    @PlanningId
    private String id;

    private long[] requirements;
    private Service service;
    private Node currentNode;
    private long moveCost;

    private int gpus;
    private int gpuMilli;
    private Set<String> allowedGpuTypes = Set.of();
    private Set<String> preferredGpuTypes = Set.of();
    private long priority = 1L;
    private Gang gang;
    private long powerWatts;
    private long pendingWeight = -1L;
    private boolean preempts = true;
    private List<DisruptionBudget> budgets = List.of();

    @PlanningPin
    private boolean pinned;

    @PlanningVariable(allowsUnassigned = true)
    private Node node;

    /** For Timefold's cloning only. */
    public Workload() {}

    /**
     * @param id           name
     * @param requirements per-resource requirement, indexed by {@link Resource#index()}
     * @param service      service it belongs to, or null
     * @param currentNode  node it runs on now (ROADEF initial assignment), or null when new
     * @param moveCost     cost of moving it off {@code currentNode} (ROADEF process move cost)
     */
    public Workload(String id, long[] requirements, Service service, Node currentNode, long moveCost) {
        this.id = Objects.requireNonNull(id, "id");
        this.requirements = Objects.requireNonNull(requirements, "requirements");
        this.service = service;
        this.currentNode = currentNode;
        this.moveCost = moveCost;
    }

    /** Whole GPUs, or (with {@code gpus == 0}) a {@code gpuMilli} share 1..999 of one GPU, never split. */
    public Workload withGpus(int gpus, int gpuMilli) {
        this.gpus = gpus;
        this.gpuMilli = gpuMilli;
        return this;
    }

    /** GPU types it may run on (empty = any) and prefers (empty = no preference). */
    public Workload withGpuTypes(Set<String> allowed, Set<String> preferred) {
        this.allowedGpuTypes = Set.copyOf(allowed);
        this.preferredGpuTypes = Set.copyOf(preferred);
        return this;
    }

    /** Weight of leaving it unassigned (>= 1). */
    public Workload withPriority(long priority) {
        this.priority = priority;
        return this;
    }

    /** What leaving it pending costs (medium); defaults to its priority. */
    public Workload withPendingWeight(long weight) {
        this.pendingWeight = weight;
        return this;
    }

    /** Whether it may evict strictly lower priorities (Kubernetes preemptionPolicy PreemptLowerPriority). */
    public Workload withPreempts(boolean preempts) {
        this.preempts = preempts;
        return this;
    }

    /** The disruption budgets that cover it. */
    public Workload withBudgets(List<DisruptionBudget> budgets) {
        this.budgets = List.copyOf(budgets);
        return this;
    }

    public Workload withGang(Gang gang) {
        this.gang = gang;
        return this;
    }

    /** Estimated power draw while running. */
    public Workload withPowerWatts(long watts) {
        this.powerWatts = watts;
        return this;
    }

    /** A pinned workload keeps its node: the solver never changes it. */
    public Workload withPinned(boolean pinned) {
        this.pinned = pinned;
        return this;
    }

    /** Sets the planning variable (initial or warm-start value). */
    public Workload withNode(Node node) {
        this.node = node;
        return this;
    }

    /** A copy with every field, for {@link PlacementSolutionCloner}: facts and the node are shared, not copied. */
    Workload copy() {
        Workload c = new Workload(id, requirements, service, currentNode, moveCost);
        c.gpus = gpus;
        c.gpuMilli = gpuMilli;
        c.allowedGpuTypes = allowedGpuTypes;
        c.preferredGpuTypes = preferredGpuTypes;
        c.priority = priority;
        c.gang = gang;
        c.powerWatts = powerWatts;
        c.pendingWeight = pendingWeight;
        c.preempts = preempts;
        c.budgets = budgets;
        c.pinned = pinned;
        c.node = node;
        return c;
    }

    public boolean isAssigned() {
        return node != null;
    }

    /** Running somewhere else than its current node (a migration). Unassigned is not a move. */
    public boolean isMoved() {
        return currentNode != null && node != null && node != currentNode;
    }

    /** Was running on a node that still stands and is left pending: evicted by this plan. */
    public boolean isEvicted() {
        return node == null && currentNode != null && currentNode.getState() != NodeState.FAILED;
    }

    /**
     * Evicted from a node that is neither failed nor draining: only a higher-priority workload arriving on that node
     * may justify it (preemption).
     */
    public boolean isPreempted() {
        return isEvicted() && currentNode.getState() != NodeState.DRAINING;
    }

    /** Was running on a node that still stands and no longer runs there: moved or evicted (a disruption). */
    public boolean isDisrupted() {
        return currentNode != null && currentNode.getState() != NodeState.FAILED && node != currentNode;
    }

    /** Arrives on its node (new or moved) and may evict strictly lower priorities there. */
    public boolean isPreemptor() {
        return preempts && node != null && node != currentNode;
    }

    /** The soft cost of evicting it: twice its move cost plus one, so an eviction always costs more than a move. */
    public long evictionCost() {
        return 2 * moveCost + 1;
    }

    public boolean usesGpu() {
        return gpus > 0 || gpuMilli > 0;
    }

    /** Total GPU demand in milli-GPU. */
    public long gpuDemandMilli() {
        return demandMilli(gpus, gpuMilli);
    }

    /** Whole GPUs x 1000, else the {@code gpuMilli} share. */
    public static long demandMilli(int gpus, int gpuMilli) {
        return gpus > 0 ? gpus * 1000L : gpuMilli;
    }

    /** True when this workload may run on GPUs of {@code type} (null = a node without GPUs). */
    public boolean allowsGpuType(String type) {
        return allowedGpuTypes.isEmpty() || (type != null && allowedGpuTypes.contains(type));
    }

    /** True when it has no preference or {@code type} is preferred. */
    public boolean prefersGpuType(String type) {
        return preferredGpuTypes.isEmpty() || (type != null && preferredGpuTypes.contains(type));
    }

    public long requirement(int r) {
        return requirements[r];
    }

    public int resourceCount() {
        return requirements.length;
    }

    public String getId() {
        return id;
    }

    public Service getService() {
        return service;
    }

    public Node getCurrentNode() {
        return currentNode;
    }

    public long getMoveCost() {
        return moveCost;
    }

    public int getGpus() {
        return gpus;
    }

    public int getGpuMilli() {
        return gpuMilli;
    }

    public Set<String> getAllowedGpuTypes() {
        return allowedGpuTypes;
    }

    public Set<String> getPreferredGpuTypes() {
        return preferredGpuTypes;
    }

    public long getPriority() {
        return priority;
    }

    public long getPendingWeight() {
        return pendingWeight < 0 ? priority : pendingWeight;
    }

    public boolean isPreempts() {
        return preempts;
    }

    public List<DisruptionBudget> getBudgets() {
        return budgets;
    }

    public Gang getGang() {
        return gang;
    }

    public long getPowerWatts() {
        return powerWatts;
    }

    public boolean isPinned() {
        return pinned;
    }

    public Node getNode() {
        return node;
    }

    public void setNode(Node node) {
        this.node = node;
    }

    @Override
    public String toString() {
        return id + "@" + node;
    }
}
