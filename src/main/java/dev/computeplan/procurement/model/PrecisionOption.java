package dev.computeplan.procurement.model;

/** A precision a service may be served at, and its speed relative to FP16 on the same accelerator (FP16 = 1). */
public record PrecisionOption(Precision precision, Double speedFactor) {}
