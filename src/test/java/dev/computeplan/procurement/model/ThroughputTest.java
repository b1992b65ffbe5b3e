package dev.computeplan.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.computeplan.procurement.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    static Sku sku(String name, double memGb, double bw, double tflops, Double fp8) {
        return new Sku(
                name, "V", memGb, bw, tflops, fp8, 700.0, 8, 900.0, 0.0, 8, 1.0, 0.0, null, null, 0, 20, 0.0, 0.0, null,
                null, null, null);
    }

    static ProcurementProblem problem(List<Sku> skus, Workload w) {
        return new ProcurementProblem(
                1, null, skus, List.of(Fixtures.site(1, 1.0, List.of())), List.of(w), Fixtures.policy(true), null);
    }

    @Test
    void inferenceIsDerivedFromBandwidthAndFlopsAndPicksTheFastestFittingPrecision() {
        Sku ref = sku("REF", 80, 3.0, 1000, 2000.0);
        Sku fastMemory = sku("BW2", 160, 6.0, 1000, 2000.0);
        Sku noFp8 = sku("OLD", 80, 3.0, 1000, null);
        // 70 B params: FP16 140 GB + 20 GB KV = 160 GB; FP8 90 GB; usable memory 0.9 x 80 = 72 GB per accelerator
        Workload w = new Workload(
                "chat",
                WorkloadType.INFERENCE,
                List.of(1.0),
                null,
                null,
                null,
                null,
                null,
                70.0,
                20.0,
                List.of(new PrecisionOption(Precision.FP16, 1.0), new PrecisionOption(Precision.FP8, 1.5)),
                Precision.FP8,
                0.8,
                List.of(new MeasuredThroughput("REF", 3000.0, "test")),
                null);
        Throughput t = Throughput.of(problem(List.of(ref, fastMemory, noFp8), w));
        // REF measured: 3,000 tokens/s at FP8 (90 GB -> 2 accelerators per replica)
        assertThat(t.rate(0, 0)).isCloseTo(3000.0, within(1e-9));
        assertThat(t.derived(0, 0)).isFalse();
        assertThat(t.acceleratorsPerReplica(0, 0)).isEqualTo(2);
        // BW2: 3,000 / (0.8 x 3/6 + 0.2 x 1000/1000) = 3,000 / 0.6 = 5,000 at FP8; 90 GB / 144 GB usable -> 1 per
        // replica
        assertThat(t.rate(0, 1)).isCloseTo(5000.0, within(1e-9));
        assertThat(t.derived(0, 1)).isTrue();
        assertThat(t.acceleratorsPerReplica(0, 1)).isEqualTo(1);
        // OLD has no FP8: FP16 only, 3,000 x 1.0 / 1.5 = 2,000; 160 GB / 72 GB -> 3 accelerators per replica
        assertThat(t.precision(0, 2)).isEqualTo(Precision.FP16);
        assertThat(t.rate(0, 2)).isCloseTo(2000.0, within(1e-9));
        assertThat(t.acceleratorsPerReplica(0, 2)).isEqualTo(3);
    }

    @Test
    void trainingUsesMfuWhereNotMeasuredAndRespectsMemoryAndInterconnect() {
        Sku big = sku("BIG", 80, 3.0, 1000, 2000.0);
        Sku small = sku("SMALL", 24, 0.3, 100, null);
        Workload w = new Workload(
                "T",
                WorkloadType.TRAINING,
                List.of(1.0),
                null,
                null,
                40.0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Throughput t = Throughput.of(problem(List.of(big, small), w));
        // 1000 TFLOPS x MFU 0.4 = 400 TFLOPS -> 0.4 PFLOPS x 2,190 h / 24 = 36.5 PFLOP-days per quarter
        assertThat(t.rate(0, 0)).isCloseTo(36.5, within(1e-9));
        assertThat(t.derived(0, 0)).isTrue();
        // 24 GB < 40 GB minimum
        assertThat(t.eligible(0, 1)).isFalse();
    }

    @Test
    void trainingWithoutMfuUsesTheCataloguesEfficiencyOfTheSameVendor() {
        // an unlisted NVIDIA SKU: BF16 peak x mean sustained/peak of the catalogue's anchored NVIDIA SKUs
        Sku custom = new Sku(
                "CUSTOM", "NVIDIA", 80.0, 3.0, 1000.0, 2000.0, 700.0, 8, 900.0, 0.0, 8, 1.0, 0.0, null, null, 0, 20,
                0.0, 0.0, null, null, null, null);
        Workload w = new Workload(
                "T",
                WorkloadType.TRAINING,
                List.of(1.0),
                null,
                null,
                null,
                null,
                Precision.FP16,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        ProcurementProblem p = new ProcurementProblem(
                1,
                null,
                List.of(custom),
                List.of(Fixtures.site(1, 1.0, List.of())),
                List.of(w),
                Policy.defaults(),
                null);
        Throughput t = Throughput.of(p);
        assertThat(t.derived(0, 0)).isTrue();
        assertThat(t.source(0, 0)).contains("NVIDIA H100 SXM 80GB").contains("NVIDIA A100 80GB SXM");
        // H100 400/989.5, H200 471.3/989.5, B200 898.3/2250, A100 147/312: mean 0.4377
        assertThat(t.perAccelerator(0, 0)).isCloseTo(437.7, within(0.1));
    }
}
