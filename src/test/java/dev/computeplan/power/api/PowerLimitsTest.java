package dev.computeplan.power.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.Violation;
import dev.computeplan.testing.MaxSizeBodies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The power size limits: jobs, steps (and per-step lists) and jobs × steps, each naming its field and setting. */
class PowerLimitsTest {

    @Test
    void aBodyAtTheLimitsPasses() {
        assertThat(new PowerLimits(4, 48, 4 * 48).check(MaxSizeBodies.power(4, 48, 1)))
                .isEmpty();
    }

    @Test
    void jobsAndStepsHaveTheirOwnLimits() {
        List<Violation> violations = new PowerLimits(3, 47, 1_000_000).check(MaxSizeBodies.power(4, 48, 1));
        assertThat(violations)
                .extracting(Violation::field)
                .containsExactly(
                        "$.jobs", "$.grid.steps", "$.grid.carbonGPerKwh", "$.grid.priceUsdPerMwh", "$.grid.capKw");
        assertThat(violations.get(0).message())
                .isEqualTo("at most 3 jobs on this service (computeplan.power.limits.max-jobs); the input has 4");
        assertThat(violations.get(1).message()).contains("computeplan.power.limits.max-steps");
    }

    @Test
    void theProductOfJobsAndStepsHasALimit() {
        List<Violation> violations = new PowerLimits(10, 100, 4 * 48 - 1).check(MaxSizeBodies.power(4, 48, 1));
        assertThat(violations)
                .containsExactly(new Violation(
                        "$.jobs",
                        "at most 191 jobs × grid steps on this service (computeplan.power.limits.max-job-steps);"
                                + " the input has 192"));
    }

    @Test
    void aStepsValueOfTheWrongTypeIsLeftToBinding() {
        ObjectNode body = MaxSizeBodies.power(1, 4, 1);
        ((ObjectNode) body.get("grid")).put("steps", "many");
        assertThat(new PowerLimits(1, 4, 4).check(body)).isEmpty();
    }
}
