package dev.computeplan.procurement.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** A precision a service may be served at, and its speed relative to FP16 on the same accelerator (FP16 = 1). */
public record PrecisionOption(@NotNull Precision precision, @NotNull @Positive @DecimalMax("10") Double speedFactor) {
}
