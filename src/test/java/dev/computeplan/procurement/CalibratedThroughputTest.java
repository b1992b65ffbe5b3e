package dev.computeplan.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.procurement.model.CatalogueRow;
import dev.computeplan.procurement.model.Precision;
import dev.computeplan.procurement.model.PrecisionOption;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.model.ThroughputBasis;
import dev.computeplan.procurement.model.ThroughputCatalogue;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.model.WorkloadType;
import dev.computeplan.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded catalogue against published ratios, on the default catalogue example. */
class CalibratedThroughputTest {

    static final String A100 = "NVIDIA A100 80GB SXM";
    static final String H100 = "NVIDIA H100 SXM 80GB";
    static final String B200 = "NVIDIA B200 (HGX B200)";
    static final String GB200 = "NVIDIA GB200 (per GPU, NVL72)";
    static final String MI300X = "AMD Instinct MI300X";

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

    /** The figures docs/procurement.md lists for the default catalogue (training at BF16 and FP8, chat-70b). */
    @Test
    void documentedCatalogueTable() throws IOException {
        Map<String, double[]> documented = new LinkedHashMap<>();
        // SKU -> {BF16 TFLOPS, FP8 TFLOPS (0 = no FP8), chat-70b tokens/s}
        documented.put(A100, new double[] {147.0, 0, 1876.3});
        documented.put(H100, new double[] {400.0, 560.0, 3900.0});
        documented.put("NVIDIA H200 SXM 141GB", new double[] {471.3, 659.8, 4415.0});
        documented.put(B200, new double[] {898.3, 1257.6, 12864.0});
        documented.put(GB200, new double[] {1094.3, 1532.0, 13015.0});
        documented.put(MI300X, new double[] {415.7, 582.0, 3482.0});
        documented.put("NVIDIA L40S", new double[] {158.5, 221.9, 465.0});
        documented.put("Intel Gaudi 3 (HL-325L OAM)", new double[] {633.1, 633.1, 4653.4});
        ProcurementProblem bf16 = training(Precision.FP16);
        ProcurementProblem fp8 = training(Precision.FP8);
        ProcurementProblem chat = defaults();
        Throughput t = Throughput.of(chat);
        int w = chat.workloadIndex("chat-70b");
        documented.forEach((sku, f) -> {
            assertThat(figure(bf16, sku)).as(sku).isCloseTo(f[0], within(0.05));
            assertThat(figure(fp8, sku)).as(sku).isCloseTo(f[1], within(0.05));
            assertThat(t.perAccelerator(w, chat.skuIndex(sku))).as(sku).isCloseTo(f[2], within(0.05));
        });
    }

    @Test
    void blackwellInferenceRowsAreFp4AndUsedAsMeasuredWithoutAFactorOnTop() throws IOException {
        ProcurementProblem p = defaults();
        Throughput t = Throughput.of(p);
        int w = p.workloadIndex("chat-70b");
        for (String sku : List.of(B200, GB200)) {
            int k = p.skuIndex(sku);
            assertThat(t.precision(w, k)).isEqualTo(Precision.FP4);
            assertThat(t.basis(w, k)).isEqualTo(ThroughputBasis.MEASURED);
        }
        assertThat(t.perAccelerator(w, p.skuIndex(B200))).isEqualTo(12864.0);
    }

    /** A measured row is used as given at its precision; another precision is derived (and says so), never stacked. */
    @Test
    void noPrecisionFactorIsStackedOnAMeasuredRow() throws IOException {
        ProcurementProblem p = defaults();
        int w = p.workloadIndex("chat-70b");
        Workload chat = p.workloads().get(w);
        Workload noFp4 = new Workload(
                chat.name(),
                chat.type(),
                chat.demand(),
                null,
                null,
                null,
                null,
                null,
                chat.modelParamsBillions(),
                chat.kvCacheGbPerReplica(),
                List.of(new PrecisionOption(Precision.FP8, null), new PrecisionOption(Precision.INT4, null)),
                null,
                null,
                null,
                null);
        ProcurementProblem q = p.withWorkloads(List.of(noFp4));
        Throughput t = Throughput.of(q);
        int b200 = q.skuIndex(B200);
        // B200 measured at FP4 only: FP8 is that row x 1.6 / 2.3 (the class's factors), labelled derived
        assertThat(t.precision(0, b200)).isEqualTo(Precision.FP8);
        assertThat(t.perAccelerator(0, b200)).isCloseTo(12864.0 * 1.6 / 2.3, within(1e-6));
        assertThat(t.basis(0, b200)).isEqualTo(ThroughputBasis.DERIVED);
        // H100 measured at FP8: INT4 (weight-only) is slower than FP8 at offline batch sizes, so FP8 as measured
        int h100 = q.skuIndex(H100);
        assertThat(t.perAccelerator(0, h100)).isEqualTo(3900.0);
        assertThat(t.basis(0, h100)).isEqualTo(ThroughputBasis.MEASURED);
    }

    @Test
    void gavelRowsAreTheSharedMeasurements() throws IOException {
        Path file = SharedData.require("gavel/simulation_throughputs.json");
        JsonNode gavel = new ObjectMapper().readTree(file.toFile());
        Map<String, String> jobs = Map.of(
                "gavel-resnet50", "ResNet-50 (batch size 64)",
                "gavel-transformer", "Transformer (batch size 64)",
                "gavel-lm", "LM (batch size 20)");
        Map<String, String> gpus = Map.of("NVIDIA K80", "k80", "NVIDIA P100", "p100", "NVIDIA V100", "v100");
        int checked = 0;
        for (CatalogueRow row : ThroughputCatalogue.embedded().rows()) {
            if (jobs.containsKey(row.workloadClass())) {
                String key = "('" + jobs.get(row.workloadClass()) + "', 1)";
                double alone =
                        gavel.get(gpus.get(row.sku())).get(key).get("null").asDouble();
                assertThat(row.perAccelerator()).as(row.sku()).isCloseTo(alone, within(1e-4));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(9);
    }

    @Test
    void h100OverA100AtBf16IsWithinPublishedTrainingComparisons() throws IOException {
        ProcurementProblem p = training(Precision.FP16);
        double ratio = figure(p, H100) / figure(p, A100);
        assertThat(ratio).isBetween(2.0, 3.0).isCloseTo(2.72, within(0.01));
        // the ratios of peaks the docs compare against: H100/A100 BF16, MI300X/H100 BF16, B200/H100 FP8
        assertThat(p.sku(H100).bf16Tflops() / p.sku(A100).bf16Tflops()).isCloseTo(3.17, within(0.01));
        assertThat(p.sku(MI300X).bf16Tflops() / p.sku(H100).bf16Tflops()).isCloseTo(1.32, within(0.01));
        assertThat(p.sku(B200).fp8Tflops() / p.sku(H100).fp8Tflops()).isCloseTo(2.27, within(0.01));
        assertThat(figure(p, MI300X) / figure(p, H100)).isCloseTo(1.04, within(0.01));
        assertThat(figure(p, "Intel Gaudi 3 (HL-325L OAM)") / figure(p, H100)).isCloseTo(1.58, within(0.01));
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
