package dev.computeplan.placement.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.placement.PlacementKind;
import dev.computeplan.placement.PlacementProperties;
import dev.computeplan.testing.MaxSizeBodies;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The placement size limits: each names its field and its setting, and they are checked before binding. */
class PlacementLimitsTest {

    @Test
    void aBodyAtTheLimitsPasses() {
        ObjectNode body = MaxSizeBodies.placement(3, 10, 1);
        assertThat(new PlacementLimits(3, 10).check(body)).isEmpty();
    }

    @Test
    void eachLimitNamesItsFieldAndSetting() {
        ObjectNode body = MaxSizeBodies.placement(3, 10, 1);
        List<Violation> violations = new PlacementLimits(2, 9).check(body);
        assertThat(violations)
                .containsExactly(
                        new Violation(
                                "$.nodes",
                                "at most 2 nodes on this service (computeplan.placement.limits.max-nodes); the input"
                                        + " has 3"),
                        new Violation(
                                "$.workloads",
                                "at most 9 workloads on this service (computeplan.placement.limits.max-workloads); the"
                                        + " input has 10"));
    }

    @Test
    void theReaderRefusesAnOversizedBodyBeforeBindingIt() {
        PlacementProperties d = PlacementProperties.defaults();
        PlacementKind kind = new PlacementKind(new PlacementProperties(
                d.seed(),
                d.ruinRecreateMaxNodes(),
                d.factoryCacheSize(),
                d.lateAcceptanceSize(),
                d.firstSearchPercent(),
                new PlacementLimits(5000, 2),
                d.timeSplit(),
                d.engine()));
        ObjectNode body = MaxSizeBodies.placement(3, 3, 1);
        // a field binding would refuse: the size limit answers first
        body.put("unknownField", true);
        ProblemReader reader = new ProblemReader(
                new ObjectMapper(),
                Validation.buildDefaultValidatorFactory().getValidator(),
                Duration.ofSeconds(30),
                Duration.ofHours(1));
        assertThat(reader.problemsOf(kind, body)).extracting(Violation::field).containsExactly("$.workloads");
    }
}
