package dev.computeplan.procurement.model;

/**
 * One row of the throughput catalogue: what one accelerator of a SKU delivers to a workload class at a precision, in
 * the class's unit, with where the figure comes from. Rows of the embedded catalogue also carry the peak TFLOPS of the
 * chip they were measured on, so a vendor's efficiency can be computed without that SKU in the request.
 *
 * @param override true for a row the request supplied (it replaces the embedded row of the same key)
 */
public record CatalogueRow(
        String sku,
        String vendor,
        String workloadClass,
        Precision precision,
        Double perAccelerator,
        ThroughputBasis basis,
        String source,
        Double bf16Tflops,
        Double fp8Tflops,
        boolean override) {

    public CatalogueRow {
        basis = basis == null ? ThroughputBasis.MEASURED : basis;
    }

    /** Same SKU, class and precision: an override replaces the row with that key. */
    public boolean sameKey(CatalogueRow other) {
        return sku.equals(other.sku) && workloadClass.equals(other.workloadClass) && precision == other.precision;
    }
}
