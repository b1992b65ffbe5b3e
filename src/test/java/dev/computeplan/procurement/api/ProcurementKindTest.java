package dev.computeplan.procurement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.procurement.explain.Explanation;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The kind as the job machinery drives it: strict JSON reading, validation paths, solve, JSON-ready explanation. */
class ProcurementKindTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ProblemReader reader = new ProblemReader(mapper, Validation.buildDefaultValidatorFactory().getValidator(),
            Duration.ofSeconds(10), Duration.ofSeconds(60));
    private final ProcurementKind kind = new ProcurementKind();

    @Test
    void solvesAndExplainsTheMixedFleetExampleThroughTheStrictReader() throws Exception {
        String body = Files.readString(Path.of("problems/procurement/procurement-mixed-fleet.json"));
        ProcurementProblem problem = reader.read(kind, reader.parseTree(body)).problem();
        var solved = kind.solve(problem, null, SolveControl.withTimeLimit(Duration.ofSeconds(2)));
        ProcurementPlan plan = solved.solution();
        assertThat(solved.score()).startsWith(plan.status()).contains("USD");
        // the solution survives a JSON round trip (it is stored and used as a warm start)
        ProcurementPlan back = mapper.readValue(mapper.writeValueAsString(plan), ProcurementPlan.class);
        assertThat(back).isEqualTo(plan);
        Explanation e = (Explanation) kind.explain(problem, back);
        assertThat(e.checks()).singleElement().asString().startsWith("independent check passed");
        assertThat(e.derivedThroughput()).anyMatch(l -> l.startsWith("chat-70b on NVIDIA A100 80GB SXM"));
        assertThat(mapper.writeValueAsString(e)).contains("\"binding\"");
    }

    @Test
    void warmStartIsAcceptedAndGivesAPlanAtLeastAsGood() throws Exception {
        String body = Files.readString(Path.of("problems/procurement/procurement-default-catalogue.json"));
        ProcurementProblem problem = reader.read(kind, reader.parseTree(body)).problem();
        ProcurementPlan first = kind.solve(problem, null, SolveControl.withTimeLimit(Duration.ofSeconds(2))).solution();
        ProcurementPlan second = kind.solve(problem, first, SolveControl.withTimeLimit(Duration.ofSeconds(2))).solution();
        assertThat(second.objectiveUsd()).isLessThanOrEqualTo(first.objectiveUsd() * (1 + 1e-3));
    }

    @Test
    void theBasePlanIsReportedBeforeTheVariantsAndAgainWithThem() {
        var problem = dev.computeplan.procurement.FixturesAccess.twoAcceleratorsWithVariant();
        java.util.List<ProcurementPlan> reported = new java.util.ArrayList<>();
        var control = new dev.computeplan.common.SimpleSolveControl(Duration.ofSeconds(3))
                .listener((solution, score) -> reported.add((ProcurementPlan) solution));
        var solved = kind.solve(problem, null, control);
        assertThat(reported).hasSize(2);
        assertThat(reported.get(0).variants()).isEmpty();
        assertThat(reported.get(1).variants()).hasSize(1);
        assertThat(reported.get(1)).isEqualTo(solved.solution());
    }

    @Test
    void unknownSkuInTheFleetIsA422WithItsPath() throws Exception {
        String body = Files.readString(Path.of("problems/procurement/procurement-mixed-fleet.json"))
                .replace("\"sku\": \"NVIDIA A100 80GB SXM\"", "\"sku\": \"A100 typo\"");
        assertThatThrownBy(() -> reader.read(kind, reader.parseTree(body)))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
                        .extracting(Violation::field).containsExactly("$.sites[0].existingFleet[0].sku"));
    }
}
