package dev.computeplan.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.procurement.api.ProblemValidator;
import dev.computeplan.procurement.api.ProcurementMapper;
import dev.computeplan.procurement.api.ProcurementRequest;
import dev.computeplan.procurement.explain.PlanChecker;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped example is a valid request whose plan passes the independent check. The small ones are solved to
 * optimality in the default run; the two larger ones take SCIP tens of seconds to prove and run with -Pslow.
 */
class ExampleScenariosTest {

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("problems/procurement"))
                .filter(p -> p.toString().endsWith(".json"))
                .sorted();
    }

    static ProcurementProblem read(Path file) throws IOException {
        ProcurementRequest request = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(file.toFile(), ProcurementRequest.class);
        assertThat(Validation.buildDefaultValidatorFactory().getValidator().validate(request))
                .isEmpty();
        ProcurementProblem problem = ProcurementMapper.toProblem(request);
        assertThat(ProblemValidator.validate(problem)).isEmpty();
        return problem;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleIsAValidRequest(Path file) throws IOException {
        assertThat(read(file).workloads()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "procurement-default-catalogue.json",
                "procurement-mixed-fleet.json",
                "procurement-infeasible-lead-times.json"
            })
    void smallExampleIsSolvedAndItsPlanChecksOut(String name) throws IOException {
        solveAndCheck(Path.of("problems/procurement", name));
    }

    @Tag("slow")
    @ParameterizedTest
    @ValueSource(strings = {"procurement-green.json", "procurement-llm-company.json"})
    void largerExampleIsSolvedAndItsPlanChecksOut(String name) throws IOException {
        solveAndCheck(Path.of("problems/procurement", name));
    }

    private static void solveAndCheck(Path file) throws IOException {
        ProcurementProblem problem = read(file);
        ProcurementPlan plan = Fixtures.solve(problem);
        if (file.getFileName().toString().contains("infeasible")) {
            // the demonstration of conflict explanations: no delivery can arrive in the first quarter, and the switches
            // that would bridge it (leasing, cloud) are off; the power a demand needs is no part of it
            assertThat(plan.status()).isEqualTo(PlanStatus.INFEASIBLE);
            assertThat(plan.conflict())
                    .anyMatch(c -> c.startsWith("demand of pretrain in 2027Q1"))
                    .anyMatch(c -> c.startsWith("lead time of NVIDIA B200 (HGX B200) (2 quarters"))
                    .contains(
                            "leasing is switched off (policy allowLease: false)",
                            "cloud burst is switched off (policy allowCloud: false)")
                    .noneMatch(c -> c.contains("site power"));
            assertThat(plan.repairs()).anySatisfy(r -> {
                assertThat(r.requirement()).startsWith("leasing is switched off");
                assertThat(r.objectiveUsd()).isNotNull();
            });
            return;
        }
        assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
        PlanChecker.Result check = PlanChecker.check(problem, plan);
        assertThat(check.violations()).isEmpty();
        assertThat(check.costs().totalUsd()).isCloseTo(plan.objectiveUsd(), within(1e-6 * plan.objectiveUsd()));
        assertThat(plan.variants())
                .hasSize(problem.variants().size())
                .allSatisfy(v -> assertThat(v.violations()).isEmpty());
    }
}
