package dev.computeplan.procurement.model;

/**
 * A measured speed of one workload on one SKU, per accelerator: tokens/s for inference (at the service's
 * measuredPrecision and SLO), sustained TFLOPS for training.
 */
public record MeasuredThroughput(String sku, Double perAccelerator, String source) {}
