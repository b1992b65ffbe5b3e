package dev.computeplan.procurement.model;

/** Numeric precision of model weights (and, for training, of the tensor-core maths), with the bytes one parameter takes. */
public enum Precision {
    FP16(2.0),
    FP8(1.0),
    INT4(0.5),
    FP4(0.5),
    FP32(4.0);

    private final double bytesPerParameter;

    Precision(double bytesPerParameter) {
        this.bytesPerParameter = bytesPerParameter;
    }

    public double bytesPerParameter() {
        return bytesPerParameter;
    }

    /** FP8 and FP4 need tensor cores of that precision; FP16, FP32 and weight-only INT4 run everywhere. */
    public boolean supportedBy(Sku sku) {
        return switch (this) {
            case FP8 -> sku.fp8Tflops() != null;
            case FP4 -> sku.fp4Tflops() != null;
            default -> true;
        };
    }
}
