package dev.computeplan.placement.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.common.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules Bean Validation cannot express, each reported at its JSON path; and the wire records round-trip. */
class PlacementValidatorTest {

    private static PlacementRequest.NodeDto node(String id, String rack) {
        return new PlacementRequest.NodeDto(id, Map.of("cpu", 10L), null, "z", null, rack, 2, "A100", null, null);
    }

    private static PlacementRequest.WorkloadDto workload(
            String id, String service, String gang, String current, Integer gpuMilli) {
        return new PlacementRequest.WorkloadDto(
                id, Map.of("cpu", 1L), null, gpuMilli, null, null, null, service, gang, current, null, null, null);
    }

    @Test
    void theExampleIsValid() {
        assertThat(PlacementValidator.validate(PlacementExamples.load("placement-small.json")))
                .isEmpty();
        assertThat(PlacementValidator.validate(PlacementExamples.load("placement-rack-failure.json")))
                .isEmpty();
    }

    @Test
    void brokenReferencesDuplicatesAndRangesAreReportedWithTheirPaths() {
        PlacementRequest req = new PlacementRequest(
                null,
                List.of(
                        node("n1", "rack-x"),
                        node("n1", null),
                        new PlacementRequest.NodeDto(
                                "n2",
                                Map.of("cpu", 1L, "gpu-mem", 5L),
                                null,
                                "z",
                                null,
                                null,
                                4,
                                null,
                                "BROKEN",
                                null)),
                null,
                List.of(new PlacementRequest.ServiceDto("s", true, 3, List.of("s", "ghost"))),
                List.of(new PlacementRequest.GangDto("g", "DIAGONAL")),
                List.of(workload("w1", "s", "g", "n9", 1500), workload("w1", "nope", "nogang", null, null)),
                null,
                null,
                List.of(new PlacementRequest.ReserveDto("mars", 1)),
                List.of(new PlacementRequest.MoveCostDto("n1", "n7", 3L)),
                Map.of("noSuchRule", 1L),
                null);

        List<String> paths =
                PlacementValidator.validate(req).stream().map(Violation::field).toList();

        assertThat(paths)
                .contains(
                        "$.nodes[1].id",
                        "$.nodes[0].rack",
                        "$.nodes[2].state",
                        "$.nodes[2].gpuType",
                        "$.workloads[1].id",
                        "$.workloads[0].currentNode",
                        "$.workloads[0].gpuMilli",
                        "$.workloads[1].service",
                        "$.workloads[1].gang",
                        "$.services[0].dependsOn[0]",
                        "$.services[0].dependsOn[1]",
                        "$.services[0].spreadMin",
                        "$.gangs[0].topology",
                        "$.spareReserves[0].zone",
                        "$.moveCosts[0].to",
                        "$.weights.noSuchRule");
    }

    @Test
    void aSpreadOverMoreZonesThanTheClusterHasIsRefused() {
        // two nodes, one zone: spreadMin counts zones, so 2 could never hold
        PlacementRequest req = new PlacementRequest(
                null,
                List.of(node("n1", null), node("n2", null)),
                null,
                List.of(new PlacementRequest.ServiceDto("web", null, 2, null)),
                null,
                List.of(workload("w1", "web", null, null, null), workload("w2", "web", null, null, null)),
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(PlacementValidator.validate(req))
                .containsExactly(new Violation(
                        "$.services[0].spreadMin", "spreadMin 2 exceeds the cluster's 1 zones: it could never hold"));
    }

    @Test
    void aBalanceMayNameTheGpuWithoutDeclaringItButAWorkloadMayNot() {
        PlacementRequest.WorkloadDto asksGpu = new PlacementRequest.WorkloadDto(
                "w2", Map.of("cpu", 1L, "gpu", 500L), null, null, null, null, null, null, null, null, null, null, null);
        PlacementRequest req = new PlacementRequest(
                null,
                List.of(node("n1", null)),
                null,
                null,
                null,
                List.of(workload("w1", null, null, null, 500), asksGpu),
                List.of(
                        new PlacementRequest.BalanceDto("cpu-per-gpu", "gpu", "cpu", 4L, 1L),
                        new PlacementRequest.BalanceDto("bad", "cpu", "disk", 1L, 1L)),
                null,
                null,
                null,
                null,
                null);

        assertThat(PlacementValidator.validate(req).stream()
                        .map(Violation::field)
                        .toList())
                .containsExactlyInAnyOrder("$.workloads[1].requirements.gpu", "$.balanceObjectives[1].resource2");
        assertThat(PlacementValidator.resourceIds(req)).containsExactly("cpu", "gpu");
        assertThat(PlacementValidator.gpuResourceIndex(req)).isEqualTo(1);
    }

    @Test
    void aDeclaredGpuResourceIsTheCallersOwn() {
        PlacementRequest req = new PlacementRequest(
                null,
                List.of(new PlacementRequest.NodeDto(
                        "n1", Map.of("cpu", 10L, "gpu", 3L), null, "z", null, null, 2, "A100", null, null)),
                null,
                null,
                null,
                List.of(workload("w1", null, null, null, null)),
                List.of(new PlacementRequest.BalanceDto("cpu-per-gpu", "gpu", "cpu", 4L, 1L)),
                null,
                null,
                null,
                null,
                null);

        assertThat(PlacementValidator.validate(req)).isEmpty();
        assertThat(PlacementValidator.resourceIds(req)).containsExactlyInAnyOrder("cpu", "gpu");
        assertThat(PlacementValidator.gpuResourceIndex(req)).isEqualTo(-1);
    }

    @Test
    void requestAndPlanSurviveAJsonRoundTrip() throws Exception {
        PlacementRequest req = PlacementExamples.load("placement-small.json");
        String json = PlacementExamples.MAPPER.writeValueAsString(req);
        assertThat(PlacementExamples.MAPPER.readValue(json, PlacementRequest.class))
                .isEqualTo(req);
        PlacementPlan plan = new PlacementPlan(
                "0hard/-1medium/-2soft",
                true,
                List.of(new PlacementPlan.Assignment("w", "n", List.of(0, 1), null, false)),
                new PlacementPlan.Summary(1, 0, 0, 2000, 8000));
        assertThat(PlacementExamples.MAPPER.readValue(
                        PlacementExamples.MAPPER.writeValueAsString(plan), PlacementPlan.class))
                .isEqualTo(plan);
    }
}
