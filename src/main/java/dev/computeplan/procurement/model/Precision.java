package dev.computeplan.procurement.model;

/** Numeric precision of model weights, with the bytes one parameter takes. */
public enum Precision {
    FP16(2.0),
    FP8(1.0),
    INT4(0.5);

    private final double bytesPerParameter;

    Precision(double bytesPerParameter) {
        this.bytesPerParameter = bytesPerParameter;
    }

    public double bytesPerParameter() {
        return bytesPerParameter;
    }

    /** FP8 needs FP8 tensor cores; FP16 and weight-only INT4 run everywhere. */
    public boolean supportedBy(Sku sku) {
        return this != FP8 || sku.fp8Tflops() != null;
    }
}
