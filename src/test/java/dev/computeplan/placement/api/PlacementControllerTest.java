package dev.computeplan.placement.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.computeplan.common.NotFoundException;
import dev.computeplan.jobs.JobService;
import dev.computeplan.jobs.ProblemKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The recommendations endpoint alone, with the job service mocked: statuses and problem+json bodies. */
@WebMvcTest(PlacementController.class)
class PlacementControllerTest {

    private static final String URL = "/api/v1/placement/jobs/{id}/recommendations";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private JobService jobs;

    @MockitoBean
    private ProblemKind<PlacementRequest, PlacementPlan> kind;

    private final PlacementRequest request = PlacementExamples.load("placement-small.json");

    @BeforeEach
    void jobs() {
        PlacementPlan plan = PlacementMapper.toPlan(PlacementMapper.toDomain(request, null));
        when(jobs.stored(any(), eq("solved"))).thenReturn(new JobService.Stored<>(null, request, plan));
        when(jobs.stored(any(), eq("queued"))).thenReturn(new JobService.Stored<>(null, request, null));
        when(jobs.stored(any(), eq("nope"))).thenThrow(new NotFoundException("No placement job with id 'nope'."));
    }

    @Test
    void aSolvedJobRanksTheNodesForOneWorkload() throws Exception {
        mvc.perform(get(URL, "solved").param("workload", "notebook-0").param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.workload").value("notebook-0"))
                .andExpect(jsonPath("$.options.length()").value(3));
    }

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        mvc.perform(get(URL, "nope").param("workload", "notebook-0"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("nope")));
    }

    @Test
    void anUnknownWorkloadIsNotFound() throws Exception {
        mvc.perform(get(URL, "solved").param("workload", "ghost"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("ghost")));
    }

    @Test
    void aJobWithoutASolutionIsAConflict() throws Exception {
        mvc.perform(get(URL, "queued").param("workload", "notebook-0"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("no solution yet")));
    }

    @Test
    void aLimitOutOfRangeIsABadParameterNamedInTheErrors() throws Exception {
        for (String limit : new String[] {"0", "1001"}) {
            mvc.perform(get(URL, "solved").param("workload", "notebook-0").param("limit", limit))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field").value(contains("limit")));
        }
    }

    @Test
    void aBlankWorkloadIsABadParameterNamedInTheErrors() throws Exception {
        mvc.perform(get(URL, "solved").param("workload", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains("workload")));
    }

    @Test
    void aLimitThatIsNoNumberIsABadParameterNamedInTheErrors() throws Exception {
        mvc.perform(get(URL, "solved").param("workload", "notebook-0").param("limit", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains("limit")));
    }

    @Test
    void aMissingWorkloadIsABadRequest() throws Exception {
        mvc.perform(get(URL, "solved"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(greaterThan(399)));
    }
}
