package dev.computeplan.procurement.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.common.Violation;
import dev.computeplan.testing.MaxSizeBodies;
import org.junit.jupiter.api.Test;

/** The procurement size limits: each count and SKUs × sites × workloads, each naming its field and setting. */
class ProcurementLimitsTest {

    @Test
    void aBodyAtTheLimitsPasses() {
        assertThat(new ProcurementLimits(6, 2, 3, 1, 36).check(MaxSizeBodies.procurement(6, 4, 2, 3, 1, 1)))
                .isEmpty();
    }

    @Test
    void eachCountHasItsLimit() {
        assertThat(new ProcurementLimits(5, 1, 2, 0, 1000).check(MaxSizeBodies.procurement(6, 4, 2, 3, 1, 1)))
                .extracting(Violation::field)
                .containsExactly("$.catalogue", "$.sites", "$.workloads", "$.variants");
    }

    @Test
    void theModelSizeHasALimit() {
        assertThat(new ProcurementLimits(6, 2, 3, 1, 35).check(MaxSizeBodies.procurement(6, 4, 2, 3, 1, 1)))
                .containsExactly(new Violation(
                        "$.workloads",
                        "at most 35 SKUs × sites × workloads on this service"
                                + " (computeplan.procurement.limits.max-model-size); the input has 36"));
    }
}
