package dev.computeplan.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.SolveControl;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.procurement.api.ProcurementRequest;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strange but well-formed requests end in a 422 or in a plan/status, never in an exception. */
class HostileInputTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "null budget element",
                        (Consumer<ObjectNode>) n -> ((ObjectNode) n.get("policy"))
                                .putArray("capexBudgetUsd")
                                .addNull()
                                .add(1)
                                .add(1)
                                .add(1),
                        true),
                Arguments.of(
                        "no precision (FP16 by default)",
                        (Consumer<ObjectNode>)
                                n -> ((ObjectNode) n.get("workloads").get(1)).putArray("precisions"),
                        false),
                Arguments.of(
                        "huge power",
                        (Consumer<ObjectNode>)
                                n -> fill((ObjectNode) n.get("sites").get(0), "powerMw", 1e300),
                        true),
                Arguments.of(
                        "power at the largest number accepted",
                        (Consumer<ObjectNode>)
                                n -> fill((ObjectNode) n.get("sites").get(0), "powerMw", 1e12),
                        false),
                Arguments.of(
                        "zero demand",
                        (Consumer<ObjectNode>)
                                n -> fill((ObjectNode) n.get("workloads").get(0), "demand", 0),
                        false),
                Arguments.of(
                        "huge demand",
                        (Consumer<ObjectNode>)
                                n -> fill((ObjectNode) n.get("workloads").get(1), "demand", 1e300),
                        true),
                Arguments.of(
                        "demand at the largest number accepted",
                        (Consumer<ObjectNode>)
                                n -> fill((ObjectNode) n.get("workloads").get(1), "demand", 1e12),
                        false),
                Arguments.of(
                        "tiny throughput",
                        (Consumer<ObjectNode>) n -> n.putArray("throughput")
                                .addObject()
                                .put("sku", "NVIDIA H100 SXM 80GB")
                                .put("workloadClass", "llm-70b-inference")
                                .put("precision", "FP8")
                                .put("perAccelerator", 1e-300)
                                .put("source", "test"),
                        false),
                Arguments.of(
                        "free hardware",
                        (Consumer<ObjectNode>)
                                n -> ((ObjectNode) n.get("catalogue").get(1))
                                        .put("purchaseUsd", 0)
                                        .put("serverUsd", 0)
                                        .put("opexUsdPerServerQuarter", 0),
                        false));
    }

    private static void fill(ObjectNode node, String field, double value) {
        var array = node.putArray(field);
        for (int q = 0; q < 4; q++) {
            array.add(value);
        }
    }

    static Stream<Arguments> rejectedCases() {
        return cases().filter(a -> (boolean) a.get()[2]);
    }

    static Stream<Arguments> acceptedCases() {
        return cases().filter(a -> !(boolean) a.get()[2]);
    }

    private final ProblemReader reader = new ProblemReader(
            MAPPER,
            Validation.buildDefaultValidatorFactory().getValidator(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60));
    private final ProcurementKind kind = new ProcurementKind(ProcurementProperties.defaults());

    private ObjectNode changed(Consumer<ObjectNode> change) throws Exception {
        ObjectNode body = (ObjectNode)
                MAPPER.readTree(Files.readString(Path.of("problems/procurement/procurement-default-catalogue.json")));
        change.accept(body);
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedCases")
    void isRejectedWithA422(String name, Consumer<ObjectNode> change, boolean rejected) throws Exception {
        ObjectNode body = changed(change);
        assertThatThrownBy(() -> reader.read(kind, (JsonNode) body)).isInstanceOf(InvalidInputException.class);
    }

    /** Solves with a short wall-clock limit: these inputs need not reach optimality, only an answer. */
    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedCases")
    void isAcceptedAndNeverThrows(String name, Consumer<ObjectNode> change, boolean rejected) throws Exception {
        ProcurementRequest problem =
                reader.read(kind, (JsonNode) changed(change)).problem();
        ProcurementPlan plan = kind.solve(problem, null, SolveControl.withTimeLimit(Duration.ofSeconds(1)))
                .solution();
        assertThat(plan.status())
                .isIn(PlanStatus.OPTIMAL, PlanStatus.FEASIBLE, PlanStatus.INFEASIBLE, PlanStatus.NOT_SOLVED);
        assertThat(MAPPER.writeValueAsString(kind.explain(problem, plan))).isNotEmpty();
    }
}
