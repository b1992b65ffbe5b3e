package dev.computeplan.power.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.computeplan.common.NotFoundException;
import dev.computeplan.jobs.JobRecord;
import dev.computeplan.jobs.JobService;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.power.explain.PowerExplainer;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.solver.PowerSolverTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The power endpoints over HTTP with the job service and the kind mocked: status codes and problem+json bodies (the
 * shared {@code ApiExceptionHandler} advice is part of the slice).
 */
@WebMvcTest(PowerController.class)
class PowerControllerTest {

    private static final PowerMapper MAPPER = new PowerMapper(CarbonSeries.bundled());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JobService jobs;

    @MockitoBean
    ProblemKind<PowerRequest, PowerSolution> kind;

    @TestConfiguration
    static class Series {
        @Bean
        CarbonSeries carbonSeries() {
            return CarbonSeries.bundled();
        }
    }

    private final PowerRequest request = RequestFixtures.problem(
            RequestFixtures.hourly(new double[] {100, 50, 10, 10, 80, 100}, null),
            RequestFixtures.job("a", 0, 6, 2.0, List.of(RequestFixtures.FULL)));

    @BeforeEach
    void explainWithTheRealExplainer() {
        when(kind.explain(any(), any()))
                .thenAnswer(inv -> PowerExplainer.explain(MAPPER.toModel(inv.getArgument(0)), inv.getArgument(1)));
    }

    @Test
    void defaultsListTheCurvesAndTheBundledSeries() throws Exception {
        mvc.perform(get("/api/v1/power/defaults"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gpuModels['A100-PCIe'][0].name").value("300W"))
                .andExpect(jsonPath("$.gpuModels['A100-PCIe'][0].relativeSpeed").value(1.0))
                .andExpect(jsonPath("$.carbonSeries").value(org.hamcrest.Matchers.contains("ger", "gb", "fr")));
    }

    @Test
    void aJobsGridSamplesItsNamedCarbonSeriesAtEveryStep() throws Exception {
        PowerRequest named = new PowerRequest(
                new PowerRequest.TimeGrid(
                        java.time.LocalDateTime.of(2020, 6, 1, 0, 0), 30, 4, null, "ger", null, null, null),
                request.jobs(),
                request.weights(),
                request.site());
        when(jobs.stored(kind, "j3")).thenReturn(new JobService.Stored<>(mock(JobRecord.class), named, null));
        List<Double> expected = MAPPER.grid(named.grid()).carbonGPerKwh();
        mvc.perform(get("/api/v1/power/jobs/j3/grid"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.start").value("2020-06-01T00:00"))
                .andExpect(jsonPath("$.steps").value(4))
                .andExpect(jsonPath("$.carbonGPerKwh.length()").value(4))
                .andExpect(jsonPath("$.carbonGPerKwh[0]").value(expected.get(0)))
                .andExpect(jsonPath("$.carbonGPerKwh[3]").value(expected.get(3)));
    }

    @Test
    void aSolvedJobTellsItsStory() throws Exception {
        PowerSolution solution = PowerSolverTest.solve(MAPPER.toModel(request));
        when(jobs.stored(kind, "j1")).thenReturn(new JobService.Stored<>(mock(JobRecord.class), request, solution));
        mvc.perform(get("/api/v1/power/jobs/j1/why/a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.job.jobId").value("a"))
                .andExpect(jsonPath("$.job.co2Kg").value(0.020))
                .andExpect(jsonPath("$.why").doesNotExist());
    }

    @Test
    void anUnknownJobInTheScheduleIs404() throws Exception {
        PowerSolution solution = PowerSolverTest.solve(MAPPER.toModel(request));
        when(jobs.stored(kind, "j1")).thenReturn(new JobService.Stored<>(mock(JobRecord.class), request, solution));
        mvc.perform(get("/api/v1/power/jobs/j1/why/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'nope'")));
    }

    @Test
    void anUnknownJobIdIs404() throws Exception {
        when(jobs.stored(kind, "missing")).thenThrow(new NotFoundException("No job missing."));
        mvc.perform(get("/api/v1/power/jobs/missing/why/a"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aJobWithoutScheduleYetIs409() throws Exception {
        JobRecord job = mock(JobRecord.class);
        when(jobs.stored(kind, "j2")).thenReturn(new JobService.Stored<>(job, request, null));
        mvc.perform(get("/api/v1/power/jobs/j2/why/a"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no schedule yet")));
    }
}
