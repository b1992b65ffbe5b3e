package dev.computeplan.procurement.model;

/** Whether a throughput figure was measured (a published run at that precision) or derived from other figures. */
public enum ThroughputBasis {
    MEASURED,
    DERIVED
}
