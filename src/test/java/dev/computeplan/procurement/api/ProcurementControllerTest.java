package dev.computeplan.procurement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.ConflictException;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.jobs.JobRecord;
import dev.computeplan.jobs.JobService;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.ProcurementKind;
import dev.computeplan.procurement.ProcurementProperties;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The controller's two endpoints called as plain methods (the shared handler turns exceptions into problem+json). */
class ProcurementControllerTest {

    private final ProblemReader reader = new ProblemReader(
            new ObjectMapper(),
            Validation.buildDefaultValidatorFactory().getValidator(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60));
    private final JobService jobs = mock(JobService.class);
    private final ProcurementKind kind = new ProcurementKind(ProcurementProperties.defaults());
    private final ProcurementController controller = new ProcurementController(reader, jobs, kind);

    @Test
    void throughputTableMarksDerivedFigures() throws Exception {
        String body = Files.readString(Path.of("problems/procurement/procurement-mixed-fleet.json"));
        var rows = controller.throughput(body);
        // MLPerf figure for H100 is measured; A100 has none and is derived (and serves at INT4: no FP8)
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.workload()).isEqualTo("chat-70b");
            assertThat(r.sku()).isEqualTo("NVIDIA H100 SXM 80GB");
            assertThat(r.derived()).isFalse();
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.sku()).isEqualTo("NVIDIA A100 80GB SXM");
            assertThat(r.derived()).isTrue();
            assertThat(r.precision()).isEqualTo("INT4");
        });
        // pre-training needs 900 GB/s: no A100 row for it
        assertThat(rows)
                .noneMatch(r -> r.workload().equals("pretrain") && r.sku().contains("A100"));
    }

    @Test
    void throughputRejectsAnInvalidRequest() {
        assertThatThrownBy(() -> controller.throughput("{\"horizonQuarters\": 0}"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void checkReportsTheStoredPlanVerdictAndRefusesAJobWithoutPlan() {
        ProcurementProblem problem = Fixtures.twoAcceleratorsWithVariant();
        ProcurementPlan plan = Fixtures.solve(problem);
        JobRecord job = mock(JobRecord.class);
        when(jobs.stored(kind, "a")).thenReturn(new JobService.Stored<>(job, Fixtures.request(problem), plan));
        when(jobs.stored(kind, "b")).thenReturn(new JobService.Stored<>(job, Fixtures.request(problem), null));
        var result = controller.check("a");
        assertThat(result.status()).isEqualTo(ProcurementController.Verdict.OK);
        assertThat(result.violations()).isEqualTo(List.of());
        assertThat(result.recomputedCosts().totalUsd()).isEqualTo(5_438.0, org.assertj.core.data.Offset.offset(0.01));
        assertThatThrownBy(() -> controller.check("b")).isInstanceOf(ConflictException.class);
    }
}
