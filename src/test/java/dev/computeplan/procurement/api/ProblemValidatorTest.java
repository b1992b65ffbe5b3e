package dev.computeplan.procurement.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.common.Violation;
import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.MeasuredThroughput;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.model.WorkloadType;
import jakarta.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemValidatorTest {

    @Test
    void aValidProblemHasNoViolations() {
        assertThat(ProblemValidator.validate(Fixtures.twoAccelerators(1.0, true)))
                .isEmpty();
    }

    @Test
    void unknownReferencesAndWrongLengthsAreReportedWithTheirPath() {
        Site site = new Site(
                "S",
                List.of(1.0, 1.0),
                List.of(100.0),
                1.0,
                0.1,
                0.0,
                null,
                List.of(new ExistingServers("NOPE", 1, 0)));
        Workload inference = new Workload(
                "chat",
                WorkloadType.INFERENCE,
                List.of(1.0),
                null,
                null,
                null,
                null,
                null,
                70.0,
                null,
                null,
                null,
                null,
                List.of(new MeasuredThroughput("MISSING", 100.0, null)),
                null);
        ProcurementProblem p = new ProcurementProblem(
                1,
                null,
                List.of(Fixtures.skuX(0, 2.0), Fixtures.skuX(0, 2.0)),
                List.of(site),
                List.of(inference),
                Fixtures.policy(true),
                List.of());
        assertThat(ProblemValidator.validate(p))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder(
                        "$.catalogue[1].name",
                        "$.sites[0].powerMw",
                        "$.sites[0].existingFleet[0].sku",
                        "$.workloads[0].measured[0].sku");
    }

    @Test
    void inferenceNeedsItsModelSizeAndAFactorForItsMeasuredPrecision() {
        Workload inference = new Workload(
                "chat",
                WorkloadType.INFERENCE,
                List.of(1.0),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                dev.computeplan.procurement.model.Precision.FP32,
                null,
                List.of(new dev.computeplan.procurement.model.MeasuredThroughput("X", 10.0, "test")),
                null);
        ProcurementProblem p = new ProcurementProblem(
                1,
                null,
                List.of(Fixtures.skuX(0, 2.0)),
                List.of(Fixtures.site(1, 1.0, List.of())),
                List.of(inference),
                Fixtures.policy(true),
                List.of());
        assertThat(ProblemValidator.validate(p))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("$.workloads[0].modelParamsBillions", "$.workloads[0].measuredPrecision");
    }

    @Test
    void aWorkloadNoSkuCanServeIsAnInputError() {
        // needs 100 GB of memory; X has 80 GB
        Workload big = new Workload(
                "T",
                WorkloadType.TRAINING,
                List.of(1.0),
                null,
                null,
                100.0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        ProcurementProblem p = new ProcurementProblem(
                1,
                null,
                List.of(Fixtures.skuX(0, 2.0)),
                List.of(Fixtures.site(1, 1.0, List.of())),
                List.of(big),
                Fixtures.policy(true),
                List.of());
        assertThat(ProblemValidator.validate(p)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$.workloads[0]");
            assertThat(v.message()).contains("no SKU");
        });
    }

    @Test
    void beanValidationOfTheRequestRejectsNegativeAndMissingFields() {
        var validator = Validation.buildDefaultValidatorFactory().getValidator();
        Site site = new Site("S", List.of(-1.0), List.of(100.0), 0.5, 0.1, 0.0, null, null);
        ProcurementProblem p = new ProcurementProblem(
                13,
                null,
                List.of(Fixtures.skuX(0, 2.0)),
                List.of(site),
                List.of(Fixtures.training(1, 1.0, "X")),
                null,
                null);
        assertThat(validator.validate(Fixtures.request(p)))
                .extracting(v -> v.getPropertyPath().toString())
                .contains("horizonQuarters", "sites[0].powerMw[0].<list element>", "sites[0].pue");
    }
}
