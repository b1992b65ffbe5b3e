package dev.computeplan.procurement.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A measured speed of one workload on one SKU, per accelerator: tokens/s for inference (at the service's
 * measuredPrecision and SLO), sustained TFLOPS for training.
 */
public record MeasuredThroughput(@NotBlank String sku, @NotNull @Positive Double perAccelerator, String source) {
}
