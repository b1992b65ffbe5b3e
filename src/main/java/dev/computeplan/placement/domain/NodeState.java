package dev.computeplan.placement.domain;

/** Operational state of a node. */
public enum NodeState {
    /** Takes new work. */
    ACTIVE,
    /** Keeps the workloads already on it, takes no new ones. */
    CORDONED,
    /** Being emptied: nothing may stay on it. */
    DRAINING,
    /** Down: nothing may run on it; its workloads must be re-placed. */
    FAILED;

    /** True when nothing at all may be placed on a node in this state. */
    public boolean forbidsAll() {
        return this == DRAINING || this == FAILED;
    }
}
