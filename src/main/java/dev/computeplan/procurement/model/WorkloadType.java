package dev.computeplan.procurement.model;

public enum WorkloadType {
    TRAINING,
    INFERENCE
}
