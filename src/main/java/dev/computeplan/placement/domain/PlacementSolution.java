package dev.computeplan.placement.domain;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.CountableValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/**
 * The placement problem and its answer (Timefold planning solution). Hard = must hold; medium = priority of
 * pending workloads; soft = costs (migrations, load, balance, fragmentation, power). Long scores because ROADEF
 * costs reach 1e9 per term.
 *
 * <p>Instance-level cost weights are constraint weights: e.g. ROADEF's process/service/machine move weights go into
 * {@link #getConstraintWeightOverrides()} under the constraint names of the constraint provider.
 */
@PlanningSolution(solutionCloner = PlacementSolutionCloner.class)
public class PlacementSolution {

    @ProblemFactCollectionProperty
    private List<Resource> resources;

    @ProblemFactCollectionProperty
    private List<Node> nodes;
    /** Built once from {@link #nodes}; shared by clones (it holds only facts). */
    private NodeRange nodeRange;

    @ProblemFactCollectionProperty
    private List<Rack> racks;

    @ProblemFactCollectionProperty
    private List<Service> services;

    @ProblemFactCollectionProperty
    private List<ServiceDependency> serviceDependencies;

    @ProblemFactCollectionProperty
    private List<Gang> gangs;

    @ProblemFactCollectionProperty
    private List<BalanceObjective> balanceObjectives;

    @ProblemFactCollectionProperty
    private List<FragmentationProbe> fragmentationProbes;

    @ProblemFactCollectionProperty
    private List<SpareReserve> spareReserves;

    @ProblemFactCollectionProperty
    private List<TopologySpread> topologySpreads = List.of();

    @PlanningEntityCollectionProperty
    private List<Workload> workloads;

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides =
            ConstraintWeightOverrides.none();

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For Timefold's cloning only. */
    public PlacementSolution() {}

    /** The ROADEF-sized core: resources, nodes, services, dependencies, balance objectives, workloads. */
    public PlacementSolution(
            List<Resource> resources,
            List<Node> nodes,
            List<Service> services,
            List<ServiceDependency> serviceDependencies,
            List<BalanceObjective> balanceObjectives,
            List<Workload> workloads) {
        this(
                resources,
                nodes,
                List.of(),
                services,
                serviceDependencies,
                List.of(),
                balanceObjectives,
                List.of(),
                List.of(),
                workloads);
    }

    public PlacementSolution(
            List<Resource> resources,
            List<Node> nodes,
            List<Rack> racks,
            List<Service> services,
            List<ServiceDependency> serviceDependencies,
            List<Gang> gangs,
            List<BalanceObjective> balanceObjectives,
            List<FragmentationProbe> fragmentationProbes,
            List<SpareReserve> spareReserves,
            List<Workload> workloads) {
        this.resources = resources;
        this.nodes = nodes;
        this.racks = racks;
        this.services = services;
        this.serviceDependencies = serviceDependencies;
        this.gangs = gangs;
        this.balanceObjectives = balanceObjectives;
        this.fragmentationProbes = fragmentationProbes;
        this.spareReserves = spareReserves;
        this.workloads = workloads;
    }

    /** A clone for Timefold: new workloads (the only planning entities), everything else shared. */
    PlacementSolution cloneWithWorkloads(List<Workload> clonedWorkloads) {
        PlacementSolution c = new PlacementSolution(
                resources,
                nodes,
                racks,
                services,
                serviceDependencies,
                gangs,
                balanceObjectives,
                fragmentationProbes,
                spareReserves,
                clonedWorkloads);
        c.topologySpreads = topologySpreads;
        c.nodeRange = nodeRange;
        c.constraintWeightOverrides = constraintWeightOverrides;
        c.score = score;
        return c;
    }

    /** The services' topology spread constraints. */
    public PlacementSolution withTopologySpreads(List<TopologySpread> spreads) {
        this.topologySpreads = List.copyOf(spreads);
        return this;
    }

    public List<TopologySpread> getTopologySpreads() {
        return topologySpreads;
    }

    public PlacementSolution withConstraintWeightOverrides(
            ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        this.constraintWeightOverrides = overrides;
        return this;
    }

    public List<Resource> getResources() {
        return resources;
    }

    @ValueRangeProvider
    public CountableValueRange<Node> getNodeRange() {
        if (nodeRange == null) {
            nodeRange = new NodeRange(nodes);
        }
        return nodeRange;
    }

    public List<Node> getNodes() {
        return nodes;
    }

    public List<Rack> getRacks() {
        return racks;
    }

    public List<Service> getServices() {
        return services;
    }

    public List<ServiceDependency> getServiceDependencies() {
        return serviceDependencies;
    }

    public List<Gang> getGangs() {
        return gangs;
    }

    public List<BalanceObjective> getBalanceObjectives() {
        return balanceObjectives;
    }

    public List<FragmentationProbe> getFragmentationProbes() {
        return fragmentationProbes;
    }

    public List<SpareReserve> getSpareReserves() {
        return spareReserves;
    }

    public List<Workload> getWorkloads() {
        return workloads;
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(
            ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides) {
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
