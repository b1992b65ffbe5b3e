package dev.computeplan.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.procurement.model.PlanChecker;
import dev.computeplan.procurement.model.ProblemValidator;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.solver.ProcurementSolver;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example is a valid request whose (time-limited) plan passes the independent check. */
class ExampleScenariosTest {

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("problems/procurement")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleIsValidAndItsPlanChecksOut(Path file) throws IOException {
        ProcurementProblem problem = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(file.toFile(), ProcurementProblem.class);
        assertThat(Validation.buildDefaultValidatorFactory().getValidator().validate(problem)).isEmpty();
        assertThat(ProblemValidator.validate(problem)).isEmpty();
        ProcurementPlan plan = ProcurementSolver.solve(problem, null, Duration.ofSeconds(3), r -> { }, () -> false);
        if (file.getFileName().toString().contains("infeasible")) {
            // the demonstration of conflict explanations: no delivery can arrive in the first quarter
            assertThat(plan.status()).isEqualTo("INFEASIBLE");
            assertThat(plan.conflict()).hasSize(6).anyMatch(c -> c.startsWith("demand of pretrain in 2027Q1"))
                    .anyMatch(c -> c.startsWith("lead time of NVIDIA B200 (HGX B200) (2 quarters"));
            return;
        }
        assertThat(plan.status()).isIn("OPTIMAL", "FEASIBLE");
        PlanChecker.Result check = PlanChecker.check(problem, plan);
        assertThat(check.violations()).isEmpty();
        assertThat(check.costs().totalUsd()).isCloseTo(plan.objectiveUsd(), within(1e-6 * plan.objectiveUsd()));
        assertThat(plan.variants()).hasSize(problem.variants().size())
                .allSatisfy(v -> assertThat(v.violations()).isEmpty());
    }
}
