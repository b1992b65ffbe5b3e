package dev.computeplan.procurement.model;

/** Unit of a training demand: compute delivered, or hours of a reference accelerator. */
public enum DemandUnit {
    PFLOP_DAYS,
    ACCELERATOR_HOURS
}
