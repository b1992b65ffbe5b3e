package dev.computeplan.procurement.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Plans are stored as JSON and read back as warm starts: plans stored before the status became an enum still read. */
class ProcurementPlanJsonTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** Written by the code of the two-accelerator fixture with a price x2 variant, status still a string then. */
    private static final String STORED = """
            {"status":"OPTIMAL","objectiveUsd":5438.0,"bestBoundUsd":5438.0,"gap":0.0,"purchases":[{"sku":"X","site":"S",\
            "quarter":0,"quarterLabel":"Q1","servers":2,"accelerators":2}],"leases":[],"existingFleet":[],"assignments":\
            [{"workload":"T","quarter":0,"quarterLabel":"Q1","sku":"X","source":"OWNED","accelerators":2.0,"delivered":91.25,\
            "precision":"FP16"}],"usage":[{"sku":"X","site":"S","quarter":0,"usedAccelerators":2.0}],"costs":{"capexUsd":\
            5000.0,"leaseUsd":0.0,"cloudUsd":0.0,"energyUsd":438.0,"opexUsd":0.0,"carbonUsd":0.0,"totalUsd":5438.0,\
            "operationalTonnes":0.0,"embodiedTonnes":0.0,"cloudTonnes":0.0},"variants":[{"name":"price x2","status":\
            "OPTIMAL","objectiveUsd":8760.0,"gap":0.0,"acceleratorsBoughtBySku":{},"acceleratorsBoughtBySite":{},\
            "cloudAcceleratorQuarters":2.0,"costs":{"capexUsd":0.0,"leaseUsd":0.0,"cloudUsd":8760.0,"energyUsd":0.0,\
            "opexUsd":0.0,"carbonUsd":0.0,"totalUsd":8760.0,"operationalTonnes":0.0,"embodiedTonnes":0.0,"cloudTonnes":\
            0.0},"violations":[]}],"conflict":[]}""";

    private static final String STORED_UNSOLVED = """
            {"status":"NOT_SOLVED","purchases":[],"leases":[],"existingFleet":[],"assignments":[],"usage":[],\
            "variants":[],"message":"no plan found within 1000 ms","conflict":[]}""";

    @Test
    void aStoredPlanReadsBackAndWritesTheSameJson() throws Exception {
        ProcurementPlan plan = mapper.readValue(STORED, ProcurementPlan.class);
        assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(plan.variants())
                .singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo(PlanStatus.OPTIMAL));
        assertThat(plan.purchases())
                .singleElement()
                .satisfies(b -> assertThat(b.servers()).isEqualTo(2));
        assertThat(mapper.readTree(mapper.writeValueAsString(plan))).isEqualTo(mapper.readTree(STORED));
    }

    @Test
    void anUnsolvedPlanReadsBackAndWritesTheSameJson() throws Exception {
        ProcurementPlan plan = mapper.readValue(STORED_UNSOLVED, ProcurementPlan.class);
        assertThat(plan).isEqualTo(ProcurementPlan.unsolved(PlanStatus.NOT_SOLVED, "no plan found within 1000 ms"));
        assertThat(mapper.readTree(mapper.writeValueAsString(plan))).isEqualTo(mapper.readTree(STORED_UNSOLVED));
    }
}
