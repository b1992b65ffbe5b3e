package dev.computeplan.placement.api;

import static dev.computeplan.common.WireText.NAME_MAX;
import static dev.computeplan.common.WireText.NAME_MESSAGE;
import static dev.computeplan.common.WireText.NAME_PATTERN;
import static dev.computeplan.common.WireText.emptyAsAbsent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A placement problem as sent on the wire. Optional fields may be omitted; their defaults are stated per field.
 * Resource amounts are maps from resource id to amount; a resource missing from a map counts as 0. An empty optional
 * list or map means the same as an absent one (an empty {@code allowedGpuTypes} allows every GPU type, as an absent
 * one does; an empty {@code safetyCapacity} defaults to {@code capacity}). Ids, names and references to them have at
 * most 128 characters and no control characters.
 *
 * @param resources           the named resources; omitted = the resource ids used by the nodes' capacities
 * @param nodes               the machines
 * @param racks               power domains referenced by {@code nodes[].rack}
 * @param services            replica groups referenced by {@code workloads[].service}
 * @param gangs               all-or-nothing groups referenced by {@code workloads[].gang}
 * @param workloads           what to place; running ones carry {@code currentNode}
 * @param balanceObjectives   free-resource ratios to keep per node (soft)
 * @param fragmentationProbes typical workload shapes for the fragmentation measure (soft); none = no fragmentation term
 * @param spareReserves       free GPUs to keep per zone for fail-over (hard)
 * @param moveCosts           node-to-node migration costs; missing pairs cost 0
 * @param weights             constraint weight overrides by constraint name (multiplier at the constraint's level; 0 disables)
 * @param disruptionBudgets   PodDisruptionBudgets: how many running workloads a plan may move or evict (hard)
 */
public record PlacementRequest(
        @Valid List<ResourceDto> resources,
        @NotNull @Size(min = 1, max = 50_000) @Valid List<NodeDto> nodes,
        @Valid List<RackDto> racks,
        @Valid List<ServiceDto> services,
        @Valid List<GangDto> gangs,
        @NotNull @Size(max = 200_000) @Valid List<WorkloadDto> workloads,
        @Valid List<BalanceDto> balanceObjectives,
        @Valid List<ProbeDto> fragmentationProbes,
        @Valid List<ReserveDto> spareReserves,
        @Valid List<MoveCostDto> moveCosts,
        Map<@Size(max = NAME_MAX) String, @NotNull @PositiveOrZero Long> weights,
        @Valid List<KubernetesRequest.DisruptionBudgetDto> disruptionBudgets) {

    /** What moving a running workload costs when it does not say (soft units: about a kilowatt drawn). */
    public static final long DEFAULT_MOVE_COST = 1000L;

    public PlacementRequest {
        disruptionBudgets = emptyAsAbsent(disruptionBudgets);
        resources = emptyAsAbsent(resources);
        racks = emptyAsAbsent(racks);
        services = emptyAsAbsent(services);
        gangs = emptyAsAbsent(gangs);
        balanceObjectives = emptyAsAbsent(balanceObjectives);
        fragmentationProbes = emptyAsAbsent(fragmentationProbes);
        spareReserves = emptyAsAbsent(spareReserves);
        moveCosts = emptyAsAbsent(moveCosts);
        weights = emptyAsAbsent(weights);
    }

    /** A named resource; {@code transient}: a migrating workload still holds it on its old node. */
    public record ResourceDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String id,

            Boolean transientUsage,
            @PositiveOrZero Long loadCostWeight) {}

    /**
     * A node. {@code safetyCapacity} defaults to {@code capacity}; {@code networkDomain} to the zone;
     * {@code state} one of ACTIVE (default), CORDONED, DRAINING, FAILED; {@code labels} name further topology
     * domains for topology spread (e.g. an NVLink domain).
     */
    public record NodeDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String id,

            @NotNull
            Map<
                            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String,
                            @NotNull @PositiveOrZero Long>
                    capacity,

            Map<
                            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String,
                            @NotNull @PositiveOrZero Long>
                    safetyCapacity,

            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String zone,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String networkDomain,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String rack,

            @PositiveOrZero Integer gpus,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String gpuType,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String state,

            @PositiveOrZero Long idlePowerWatts,

            Boolean powerOffWhenIdle,
            Map<@Size(max = 317) String, @Size(max = 63) String> labels) {

        public NodeDto {
            safetyCapacity = emptyAsAbsent(safetyCapacity);
            labels = emptyAsAbsent(labels);
        }

        /** A node that stays powered when idle. */
        public NodeDto(
                String id,
                Map<String, Long> capacity,
                Map<String, Long> safetyCapacity,
                String zone,
                String networkDomain,
                String rack,
                Integer gpus,
                String gpuType,
                String state,
                Long idlePowerWatts) {
            this(
                    id,
                    capacity,
                    safetyCapacity,
                    zone,
                    networkDomain,
                    rack,
                    gpus,
                    gpuType,
                    state,
                    idlePowerWatts,
                    null,
                    null);
        }
    }

    public record RackDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String id,

            @PositiveOrZero Long powerCapWatts) {}

    /**
     * A service: anti-affinity (default false), spread over at least {@code spreadMin} zones, dependencies, and
     * Kubernetes topology spread constraints.
     */
    public record ServiceDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String id,

            Boolean antiAffinity,
            @PositiveOrZero Integer spreadMin,
            List<@NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String>
                    dependsOn,
            @Valid List<KubernetesRequest.TopologySpreadDto> topologySpread) {

        public ServiceDto {
            dependsOn = emptyAsAbsent(dependsOn);
            topologySpread = emptyAsAbsent(topologySpread);
        }

        /** A service without topology spread constraints. */
        public ServiceDto(String id, Boolean antiAffinity, Integer spreadMin, List<String> dependsOn) {
            this(id, antiAffinity, spreadMin, dependsOn, null);
        }
    }

    /** A gang; {@code topology}: ANY (default), SAME_RACK or SAME_NETWORK_DOMAIN. */
    public record GangDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String id,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String topology) {}

    /**
     * A workload: whole {@code gpus}, or a {@code gpuMilli} share (1..999) of one GPU; {@code priority} >= 1 (default 1);
     * {@code currentNode} if running; {@code moveCost} default {@link #DEFAULT_MOVE_COST}; {@code pinned} keeps it on
     * its current node; {@code labels} for disruption budget selectors; {@code preemptionPolicy}
     * PreemptLowerPriority (default) or Never.
     */
    public record WorkloadDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String id,

            Map<
                            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String,
                            @NotNull @PositiveOrZero Long>
                    requirements,
            @PositiveOrZero Integer gpus,
            @PositiveOrZero Integer gpuMilli,
            List<@NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String>
                    allowedGpuTypes,
            List<@NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String>
                    preferredGpuTypes,
            @Positive Long priority,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String service,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String gang,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String currentNode,

            @PositiveOrZero Long moveCost,
            @PositiveOrZero Long powerWatts,
            Boolean pinned,
            Map<@Size(max = 317) String, @Size(max = 63) String> labels,
            @Size(max = NAME_MAX) String preemptionPolicy) {

        public static final String PREEMPT_LOWER_PRIORITY = "PreemptLowerPriority";
        public static final String NEVER = "Never";

        public WorkloadDto {
            requirements = emptyAsAbsent(requirements);
            allowedGpuTypes = emptyAsAbsent(allowedGpuTypes);
            preferredGpuTypes = emptyAsAbsent(preferredGpuTypes);
            labels = emptyAsAbsent(labels);
        }

        /** A workload without labels, with the default preemption policy. */
        public WorkloadDto(
                String id,
                Map<String, Long> requirements,
                Integer gpus,
                Integer gpuMilli,
                List<String> allowedGpuTypes,
                List<String> preferredGpuTypes,
                Long priority,
                String service,
                String gang,
                String currentNode,
                Long moveCost,
                Long powerWatts,
                Boolean pinned) {
            this(
                    id,
                    requirements,
                    gpus,
                    gpuMilli,
                    allowedGpuTypes,
                    preferredGpuTypes,
                    priority,
                    service,
                    gang,
                    currentNode,
                    moveCost,
                    powerWatts,
                    pinned,
                    null,
                    null);
        }

        /** Its move cost, the default when absent. */
        public long moveCostOrDefault() {
            return moveCost == null ? DEFAULT_MOVE_COST : moveCost;
        }
    }

    /**
     * Per node, {@code target x free(resource1)} above {@code free(resource2)} costs {@code weight} per unit. Either
     * resource may be {@code gpu} without declaring it: the node's GPU milli (e.g. resource1 gpu, resource2 cpu,
     * target 14: keep 14 milli-CPU per free milli-GPU, so GPUs are not stranded on a node out of CPU).
     */
    public record BalanceDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String id,

            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String resource1,

            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String resource2,

            @NotNull @PositiveOrZero Long target,
            @NotNull @PositiveOrZero Long weight) {}

    /**
     * A typical workload shape for the fragmentation measure. {@code gpuTypes}: the GPU types it may run on (none =
     * any); it neither counts fragments on nodes of other types nor weighs their GPU class in the class balance.
     */
    public record ProbeDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String id,

            Map<
                            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String,
                            @NotNull @PositiveOrZero Long>
                    requirements,
            @PositiveOrZero Integer gpus,
            @PositiveOrZero Integer gpuMilli,
            @NotNull @PositiveOrZero Long popularity,
            List<@NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String>
                    gpuTypes) {

        public ProbeDto {
            requirements = emptyAsAbsent(requirements);
            gpuTypes = emptyAsAbsent(gpuTypes);
        }

        /** A shape that may run on any GPU type. */
        public ProbeDto(String id, Map<String, Long> requirements, Integer gpus, Integer gpuMilli, Long popularity) {
            this(id, requirements, gpus, gpuMilli, popularity, null);
        }

        /** Whether the shape may run on {@code gpuType}. */
        public boolean allowsGpuType(String gpuType) {
            return gpuTypes == null || gpuTypes.isEmpty() || gpuTypes.contains(gpuType);
        }
    }

    public record ReserveDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String zone,

            @NotNull @PositiveOrZero Integer gpus) {}

    public record MoveCostDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String from,

            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String to,

            @NotNull @PositiveOrZero Long cost) {}

    /**
     * The resource a balance objective may name without declaring it: a node's GPU milli (capacity = GPUs x 1000,
     * a workload uses its whole GPUs x 1000 or its share), e.g. free CPU per free GPU. A declared resource of that
     * name takes precedence.
     */
    public static final String GPU = "gpu";

    /** The resources of the model: the declared ones, then {@link #GPU} when only a balance objective names it. */
    public static List<String> resourceIds(PlacementRequest req) {
        List<String> declared = declaredResourceIds(req);
        boolean gpuNamed = (req.balanceObjectives() == null ? List.<BalanceDto>of() : req.balanceObjectives())
                .stream().anyMatch(b -> GPU.equals(b.resource1()) || GPU.equals(b.resource2()));
        if (!gpuNamed || declared.contains(GPU)) {
            return declared;
        }
        List<String> out = new ArrayList<>(declared);
        out.add(GPU);
        return List.copyOf(out);
    }

    /** Index of the undeclared {@link #GPU} resource in {@link #resourceIds}, or -1. */
    public static int gpuResourceIndex(PlacementRequest req) {
        return declaredResourceIds(req).contains(GPU) ? -1 : resourceIds(req).indexOf(GPU);
    }

    /** Declared resource ids, or the ones the node capacities use, in first-seen order. */
    static List<String> declaredResourceIds(PlacementRequest req) {
        if (req.resources() != null && !req.resources().isEmpty()) {
            return req.resources().stream().map(ResourceDto::id).toList();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (NodeDto n : req.nodes()) {
            if (n.capacity() != null) {
                ids.addAll(n.capacity().keySet());
            }
        }
        return List.copyOf(ids);
    }
}
