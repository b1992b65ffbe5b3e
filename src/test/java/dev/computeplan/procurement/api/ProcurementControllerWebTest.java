package dev.computeplan.procurement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.jobs.JobRecord;
import dev.computeplan.jobs.JobService;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.procurement.Fixtures;
import dev.computeplan.procurement.ProcurementKind;
import dev.computeplan.procurement.ProcurementProperties;
import dev.computeplan.procurement.model.ProcurementPlan;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The procurement endpoints over HTTP: status codes and problem+json bodies; the job service is mocked. */
@WebMvcTest(ProcurementController.class)
@Import(ProcurementControllerWebTest.Beans.class)
class ProcurementControllerWebTest {

    @TestConfiguration
    static class Beans {
        @Bean
        ProblemReader problemReader(ObjectMapper mapper, Validator validator) {
            return new ProblemReader(mapper, validator, Duration.ofSeconds(10), Duration.ofSeconds(60));
        }

        @Bean
        ProcurementKind procurementKind() {
            return new ProcurementKind(ProcurementProperties.defaults());
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ProcurementKind kind;

    @MockitoBean
    JobService jobs;

    @Test
    void throughputOfAValidRequestIsATable() throws Exception {
        String body = Files.readString(Path.of("problems/procurement/procurement-mixed-fleet.json"));
        mvc.perform(post("/api/v1/procurement/throughput")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.workload == 'chat-70b' && @.sku == 'NVIDIA H100 SXM 80GB')].derived")
                        .value(Matchers.contains(false)))
                .andExpect(jsonPath("$[?(@.workload == 'chat-70b' && @.sku == 'NVIDIA B200 (HGX B200)')].precision")
                        .value(Matchers.contains("FP4")))
                .andExpect(jsonPath("$[?(@.workload == 'chat-70b' && @.sku == 'NVIDIA B200 (HGX B200)')].basis")
                        .value(Matchers.contains("MEASURED")));
    }

    @Test
    void theEmbeddedThroughputCatalogueIsServed() throws Exception {
        mvc.perform(get("/api/v1/procurement/throughput-catalogue"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.classes[?(@.name == 'llm-pretrain')].unit").value(Matchers.contains("TFLOPS")))
                .andExpect(jsonPath("$.rows[?(@.sku == 'NVIDIA B200 (HGX B200)' && @.workloadClass == "
                                + "'llm-70b-inference')].precision")
                        .value(Matchers.contains("FP4")));
    }

    @Test
    void throughputOfAnInvalidRequestIsA422WithFieldPaths() throws Exception {
        String body = Files.readString(Path.of("problems/procurement/procurement-mixed-fleet.json"))
                .replace("\"sku\": \"NVIDIA A100 80GB SXM\"", "\"sku\": \"A100 typo\"");
        mvc.perform(post("/api/v1/procurement/throughput")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("$.sites[0].existingFleet[0].sku")));
    }

    @Test
    void throughputOfABeanInvalidRequestNamesTheField() throws Exception {
        mvc.perform(post("/api/v1/procurement/throughput")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"horizonQuarters\": 0, \"catalogue\": [], \"sites\": [], \"workloads\": []}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem("$.horizonQuarters")));
    }

    @Test
    void checkOfAStoredPlanReportsTheVerdict() throws Exception {
        var problem = Fixtures.twoAccelerators(1.0, true);
        ProcurementPlan plan = Fixtures.solve(problem);
        when(jobs.stored(kind, "a"))
                .thenReturn(new JobService.Stored<>(mock(JobRecord.class), Fixtures.request(problem), plan));
        mvc.perform(get("/api/v1/procurement/jobs/a/check"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ok"))
                .andExpect(jsonPath("$.violations").isEmpty())
                .andExpect(jsonPath("$.recomputedCosts.totalUsd").value(Matchers.closeTo(5_438.0, 0.01)));
    }

    @Test
    void checkOfAJobWithoutPlanIsA409() throws Exception {
        when(jobs.stored(kind, "b"))
                .thenReturn(new JobService.Stored<>(
                        mock(JobRecord.class), Fixtures.request(Fixtures.twoAccelerators(1.0, true)), null));
        mvc.perform(get("/api/v1/procurement/jobs/b/check"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aStoredPlanExportsAsCsvTables() throws Exception {
        // two X servers bought in Q1 for 10,000 each: cash capex 20,000, energy 438
        var problem = Fixtures.twoAccelerators(1.0, true);
        ProcurementPlan plan = Fixtures.solve(problem);
        when(jobs.stored(kind, "c"))
                .thenReturn(new JobService.Stored<>(mock(JobRecord.class), Fixtures.request(problem), plan));
        mvc.perform(get("/api/v1/procurement/jobs/c/export"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content()
                        .string(Matchers.startsWith(
                                "record,quarter,sku,site,workload,source,servers,accelerators,delivered,precision\r\n"
                                        + "purchase,Q1,X,S,,,2,2,,\r\n")));
        mvc.perform(get("/api/v1/procurement/jobs/c/export").param("table", "CASH_FLOW"))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(Matchers.containsString("Q1,20000.0,0.0,0.0,438.0,0.0,20438.0,1.0,0.0,0.0")));
        mvc.perform(get("/api/v1/procurement/jobs/c/export").param("table", "EXPLANATION"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("check,,,\"independent check passed")));
        mvc.perform(get("/api/v1/procurement/jobs/c/export").param("table", "NOPE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void exportsEveryTableAsASheetOfOneWorkbook() throws Exception {
        var problem = Fixtures.twoAccelerators(1.0, true);
        ProcurementPlan plan = Fixtures.solve(problem);
        when(jobs.stored(kind, "x"))
                .thenReturn(new JobService.Stored<>(mock(JobRecord.class), Fixtures.request(problem), plan));
        byte[] body = mvc.perform(get("/api/v1/procurement/jobs/x/export").param("format", "xlsx"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(body))) {
            List<String> names = new java.util.ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names)
                    .containsExactly("plan", "cash flow", "budget use", "explanation", "frontier", "two stage");
            var purchase = book.getSheet("plan").getRow(1);
            assertThat(purchase.getCell(0).getStringCellValue()).isEqualTo("purchase");
            assertThat(purchase.getCell(6).getNumericCellValue()).isEqualTo(2.0);
            // the same figure as the CSV's cash-flow row: 20,000 of cash capex in Q1
            assertThat(book.getSheet("cash flow").getRow(1).getCell(1).getNumericCellValue())
                    .isEqualTo(20_000.0);
        }
        mvc.perform(get("/api/v1/procurement/jobs/x/export").param("format", "pdf"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
