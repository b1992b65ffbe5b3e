package dev.computeplan.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.procurement.api.ProcurementRequest;
import dev.computeplan.procurement.explain.Explanation;
import dev.computeplan.procurement.model.ProcurementPlan;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kind as the job machinery drives it: strict JSON reading, validation paths, solve, JSON-ready explanation. */
class ProcurementKindTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final ProblemReader reader = new ProblemReader(
            mapper,
            Validation.buildDefaultValidatorFactory().getValidator(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60));
    private final ProcurementKind kind = new ProcurementKind(ProcurementProperties.defaults());

    @Test
    void solvesAndExplainsTheMixedFleetExampleThroughTheStrictReader() throws Exception {
        String body = Files.readString(Path.of("problems/procurement/procurement-mixed-fleet.json"));
        ProcurementRequest problem = reader.read(kind, reader.parseTree(body)).problem();
        var solved = kind.solve(problem, null, SolveControl.withTimeLimit(Fixtures.SAFETY_LIMIT));
        ProcurementPlan plan = solved.solution();
        assertThat(solved.score()).startsWith(plan.status().name()).contains("USD");
        // the solution survives a JSON round trip (it is stored and used as a warm start)
        ProcurementPlan back = mapper.readValue(mapper.writeValueAsString(plan), ProcurementPlan.class);
        assertThat(back).isEqualTo(plan);
        Explanation e = (Explanation) kind.explain(problem, back);
        assertThat(e.checks()).singleElement().asString().startsWith("independent check passed");
        assertThat(e.derivedThroughput()).anyMatch(l -> l.startsWith("chat-70b on NVIDIA A100 80GB SXM"));
        assertThat(mapper.writeValueAsString(e)).contains("\"binding\"");
    }

    @Test
    void anImportedPlanIsReCheckedAgainstItsProblem() throws Exception {
        String body = Files.readString(Path.of("problems/procurement/procurement-mixed-fleet.json"));
        ProcurementRequest problem = reader.read(kind, reader.parseTree(body)).problem();
        ProcurementPlan plan = kind.solve(problem, null, SolveControl.withTimeLimit(Fixtures.SAFETY_LIMIT))
                .solution();
        var checked = kind.check(problem, plan);
        assertThat(checked.violations()).isEmpty();
        assertThat(checked.score()).startsWith(plan.status().name()).contains("USD");
        // the same plan with nothing bought or leased no longer serves the demand
        ProcurementPlan emptied =
                plan.toBuilder().purchases(List.of()).leases(List.of()).build();
        assertThat(kind.check(problem, emptied).violations()).isNotEmpty();
    }

    @Test
    void warmStartIsAcceptedAndGivesAPlanAtLeastAsGood() throws Exception {
        String body = Files.readString(Path.of("problems/procurement/procurement-default-catalogue.json"));
        ProcurementRequest problem = reader.read(kind, reader.parseTree(body)).problem();
        ProcurementPlan first = kind.solve(problem, null, SolveControl.withTimeLimit(Fixtures.SAFETY_LIMIT))
                .solution();
        ProcurementPlan second = kind.solve(problem, first, SolveControl.withTimeLimit(Fixtures.SAFETY_LIMIT))
                .solution();
        assertThat(second.objectiveUsd()).isLessThanOrEqualTo(first.objectiveUsd() * (1 + 1e-3));
    }

    @Test
    void theBasePlanIsReportedBeforeTheVariantsAndAgainWithThem() {
        var problem = Fixtures.request(Fixtures.twoAcceleratorsWithVariant());
        java.util.List<ProcurementPlan> reported = new java.util.ArrayList<>();
        var control = new dev.computeplan.common.SimpleSolveControl(Fixtures.SAFETY_LIMIT)
                .listener((solution, score) -> reported.add((ProcurementPlan) solution));
        var solved = kind.solve(problem, null, control);
        assertThat(reported).hasSize(2);
        assertThat(reported.get(0).variants()).isEmpty();
        assertThat(reported.get(1).variants()).hasSize(1);
        assertThat(reported.get(1)).isEqualTo(solved.solution());
    }

    @Test
    void aPlanThatBreaksARuleFailsTheJob() {
        // one server where two accelerators are busy: the checker's capacity rule breaks
        var problem = Fixtures.twoAccelerators(1.0, true);
        ProcurementPlan plan = Fixtures.solve(problem);
        ProcurementPlan broken = plan.toBuilder()
                .purchases(java.util.List.of(new ProcurementPlan.Purchase("X", "S", 0, "Q1", 1, 1)))
                .build();
        assertThatThrownBy(() -> ProcurementKind.verified(problem, broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("busy accelerators but only 1 installed");
        assertThat(ProcurementKind.verified(problem, plan)).isSameAs(plan);
    }

    @Test
    void unknownSkuInTheFleetIsA422WithItsPath() throws Exception {
        String body = Files.readString(Path.of("problems/procurement/procurement-mixed-fleet.json"))
                .replace("\"sku\": \"NVIDIA A100 80GB SXM\"", "\"sku\": \"A100 typo\"");
        assertThatThrownBy(() -> reader.read(kind, reader.parseTree(body)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        ex -> assertThat(ex.violations())
                                .extracting(Violation::field)
                                .containsExactly("$.sites[0].existingFleet[0].sku"));
    }
}
