package dev.computeplan.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.procurement.api.ProcurementMapper;
import dev.computeplan.procurement.api.ProcurementRequest;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.model.ThroughputBasis;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A scenario overrides a throughput row; bad overrides are a 422 naming the field. */
class ThroughputOverrideTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MI300X = "AMD Instinct MI300X";

    private final ProblemReader reader = new ProblemReader(
            MAPPER,
            Validation.buildDefaultValidatorFactory().getValidator(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60));
    private final ProcurementKind kind = new ProcurementKind(ProcurementProperties.defaults());

    private static ObjectNode body(String sku, String workloadClass, String precision, double value) throws Exception {
        ObjectNode body = (ObjectNode)
                MAPPER.readTree(Files.readString(Path.of("problems/procurement/procurement-default-catalogue.json")));
        body.putArray("throughput")
                .addObject()
                .put("sku", sku)
                .put("workloadClass", workloadClass)
                .put("precision", precision)
                .put("perAccelerator", value)
                .put("source", "our own run, 64 GPUs");
        return body;
    }

    private ProcurementProblem read(ObjectNode body) {
        ProcurementRequest request = reader.read(kind, (JsonNode) body).problem();
        return ProcurementMapper.toProblem(request);
    }

    @Test
    void anOverrideReplacesTheCatalogueRowAndIsLabelledAsSuch() throws Exception {
        ProcurementProblem p = read(body(MI300X, "llm-70b-inference", "FP8", 2000.0));
        Throughput t = Throughput.of(p);
        int k = p.skuIndex(MI300X);
        int chat = p.workloadIndex("chat-70b");
        assertThat(t.perAccelerator(chat, k)).isEqualTo(2000.0);
        assertThat(t.basis(chat, k)).isEqualTo(ThroughputBasis.MEASURED);
        assertThat(t.source(chat, k)).startsWith("override, measured: our own run");
    }

    @Test
    void aTrainingOverrideAtBf16FeedsTheFp8FigureByThePrecisionFactorOnly() throws Exception {
        ProcurementProblem p = read(body(MI300X, "llm-pretrain", "FP16", 300.0));
        Throughput t = Throughput.of(p);
        // pretrain trains at FP8: 300 x 1.4 (MI300X has twice the BF16 rate at FP8)
        int k = p.skuIndex(MI300X);
        assertThat(t.perAccelerator(p.workloadIndex("pretrain"), k))
                .isCloseTo(420.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(t.derived(p.workloadIndex("pretrain"), k)).isTrue();
    }

    @Test
    void badOverridesAreRejectedWithTheirFieldPath() throws Exception {
        assertThat(violations(body("NO SUCH SKU", "llm-pretrain", "FP16", 1.0)))
                .extracting(Violation::field)
                .containsExactly("$.throughput[0].sku");
        assertThat(violations(body(MI300X, "no-such-class", "FP16", 1.0)))
                .extracting(Violation::field)
                .containsExactly("$.throughput[0].workloadClass");
        assertThat(violations(body(MI300X, "llm-pretrain", "FP16", -1.0)))
                .extracting(Violation::field)
                .containsExactly("$.throughput[0].perAccelerator");
    }

    private java.util.List<Violation> violations(ObjectNode body) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(body));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(422);
        return e.violations();
    }
}
