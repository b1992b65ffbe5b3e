package dev.computeplan.procurement.model;

/**
 * Outcome of a solve. The constant names are the JSON values: OPTIMAL (proven within the gap), FEASIBLE (time limit;
 * see gap), INFEASIBLE (the conflict lists requirements that cannot hold together), NOT_SOLVED (stopped or no plan).
 */
public enum PlanStatus {
    OPTIMAL,
    FEASIBLE,
    INFEASIBLE,
    NOT_SOLVED;

    /** A plan with values: OPTIMAL or FEASIBLE. */
    public boolean hasPlan() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}
