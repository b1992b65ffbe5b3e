package dev.computeplan.placement.solver;

import static dev.computeplan.placement.solver.PlacementConstraintProvider.*;

/** Each rule's slot in the incremental score's running amounts, in the order of {@link PlacementConstraintProvider#NAMES}. */
final class RuleIndex {

    static final int RULES = NAMES.size();
    static final int NODE_CAPACITY_I = NAMES.indexOf(NODE_CAPACITY);
    static final int TRANSIENT_I = NAMES.indexOf(TRANSIENT_CAPACITY);
    static final int GPU_CAPACITY_I = NAMES.indexOf(GPU_CAPACITY);
    static final int GPU_TYPE_I = NAMES.indexOf(GPU_TYPE);
    static final int NODE_STATE_I = NAMES.indexOf(NODE_STATE);
    static final int ANTI_AFFINITY_I = NAMES.indexOf(ANTI_AFFINITY);
    static final int SPREAD_I = NAMES.indexOf(SPREAD);
    static final int DEPENDENCY_I = NAMES.indexOf(DEPENDENCY);
    static final int GANG_I = NAMES.indexOf(GANG_ALL_OR_NOTHING);
    static final int GANG_TOPOLOGY_I = NAMES.indexOf(GANG_TOPOLOGY);
    static final int RACK_POWER_I = NAMES.indexOf(RACK_POWER);
    static final int SPARE_I = NAMES.indexOf(SPARE_RESERVE);
    static final int PREEMPTION_I = NAMES.indexOf(PREEMPTION);
    static final int BUDGET_I = NAMES.indexOf(DISRUPTION_BUDGET);
    static final int TOPOLOGY_SPREAD_I = NAMES.indexOf(TOPOLOGY_SPREAD);
    static final int EVICTION_I = NAMES.indexOf(EVICTION);
    static final int TOPOLOGY_SPREAD_SOFT_I = NAMES.indexOf(TOPOLOGY_SPREAD_SOFT);
    static final int UNASSIGNED_I = NAMES.indexOf(UNASSIGNED);
    static final int PROCESS_MOVE_I = NAMES.indexOf(PROCESS_MOVE);
    static final int SERVICE_MOVE_I = NAMES.indexOf(SERVICE_MOVE);
    static final int MACHINE_MOVE_I = NAMES.indexOf(MACHINE_MOVE);
    static final int LOAD_COST_I = NAMES.indexOf(LOAD_COST);
    static final int BALANCE_I = NAMES.indexOf(BALANCE);
    static final int FRAGMENTATION_I = NAMES.indexOf(FRAGMENTATION);
    static final int PREFERRED_I = NAMES.indexOf(PREFERRED_GPU_TYPE);
    static final int POWER_I = NAMES.indexOf(POWER_DRAW);
    static final int GPU_CLASS_BALANCE_I = NAMES.indexOf(GPU_CLASS_BALANCE);

    private RuleIndex() {}
}
