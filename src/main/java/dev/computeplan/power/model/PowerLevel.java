package dev.computeplan.power.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * One allowed GPU power limit of a job.
 *
 * @param name          e.g. {@code 250W}
 * @param relativeSpeed throughput relative to full power (1.0 = full speed)
 * @param powerW        average draw per GPU at this limit, W (a capped, compute-bound GPU draws ~0.96 × its cap)
 */
public record PowerLevel(
        @NotBlank String name,
        @DecimalMin(value = "0.05") @DecimalMax(value = "2.0") double relativeSpeed,
        @Positive @DecimalMax(value = "10000") double powerW) {
}
