package dev.computeplan.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.procurement.model.Precision;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.model.ThroughputBasis;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.model.WorkloadType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded catalogue against published ratios, on the default catalogue example. */
class CalibratedThroughputTest {

    static final String A100 = "NVIDIA A100 80GB SXM";
    static final String H100 = "NVIDIA H100 SXM 80GB";
    static final String B200 = "NVIDIA B200 (HGX B200)";

    static ProcurementProblem defaults() throws IOException {
        return ExampleScenariosTest.read(Path.of("problems/procurement/procurement-default-catalogue.json"));
    }

    /** The default catalogue with one training workload at the given precision and no memory rule. */
    static ProcurementProblem training(Precision precision) throws IOException {
        ProcurementProblem p = defaults();
        Workload load = new Workload(
                "t",
                WorkloadType.TRAINING,
                List.of(1.0),
                null,
                null,
                null,
                null,
                precision,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return p.withWorkloads(List.of(load));
    }

    static double figure(ProcurementProblem p, String sku) {
        Throughput t = Throughput.of(p);
        return t.perAccelerator(0, p.skuIndex(sku));
    }

    @Test
    void printTable() throws IOException {
        for (Precision pr : List.of(Precision.FP16, Precision.FP8)) {
            ProcurementProblem p = training(pr);
            Throughput t = Throughput.of(p);
            for (int k = 0; k < p.catalogue().size(); k++) {
                System.out.printf(
                        "%s %s %.1f %s %s%n",
                        pr, p.catalogue().get(k).name(), t.perAccelerator(0, k), t.basis(0, k), t.source(0, k));
            }
        }
        ProcurementProblem p = defaults();
        Throughput t = Throughput.of(p);
        for (int k = 0; k < p.catalogue().size(); k++) {
            System.out.printf(
                    "chat %s %.1f %s %s %s%n",
                    p.catalogue().get(k).name(),
                    t.perAccelerator(1, k),
                    t.precision(1, k),
                    t.basis(1, k),
                    t.source(1, k));
        }
    }

    @Test
    void h100OverA100AtBf16IsWithinPublishedTrainingComparisons() throws IOException {
        ProcurementProblem p = training(Precision.FP16);
        double ratio = figure(p, H100) / figure(p, A100);
        assertThat(ratio).isBetween(2.0, 3.0);
    }

    @Test
    void fp8TrainingGainsWithinPublishedRange() throws IOException {
        ProcurementProblem bf16 = training(Precision.FP16);
        ProcurementProblem fp8 = training(Precision.FP8);
        for (Sku sku : fp8.catalogue()) {
            if (sku.fp8Tflops() != null && sku.fp8Tflops() >= 1.9 * sku.bf16Tflops()) {
                double gain = figure(fp8, sku.name()) / figure(bf16, sku.name());
                assertThat(gain).as(sku.name()).isBetween(1.3, 1.6);
            }
        }
    }

    @Test
    void h100Bf16IsTheMeasuredRowAsGiven() throws IOException {
        ProcurementProblem p = training(Precision.FP16);
        Throughput t = Throughput.of(p);
        int k = p.skuIndex(H100);
        assertThat(t.perAccelerator(0, k)).isEqualTo(400.0);
        assertThat(t.basis(0, k)).isEqualTo(ThroughputBasis.MEASURED);
    }
}
