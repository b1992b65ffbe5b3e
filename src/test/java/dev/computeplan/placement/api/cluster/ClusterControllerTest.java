package dev.computeplan.placement.api.cluster;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import dev.computeplan.jobs.JobScope;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.placement.api.PlacementLimits;
import dev.computeplan.placement.solver.online.OnlinePolicy;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The cluster endpoints over a real service on in-memory H2: statuses, bodies and problem+json field paths. */
@WebMvcTest(ClusterController.class)
class ClusterControllerTest {

    private static final String URL = "/api/v1/placement/clusters";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ObjectMapper json;

    @TestConfiguration
    static class Wiring {

        @Bean
        ProblemReader problemReader(ObjectMapper mapper, Validator validator) {
            return new ProblemReader(mapper, validator, Duration.ofSeconds(10), Duration.ofMinutes(10));
        }

        @Bean
        ClusterService clusterService(ObjectMapper mapper, ProblemReader reader) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:cluster-web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new ClusterService(
                    new ClusterStore(ds, new TransactionTemplate(new DataSourceTransactionManager(ds))),
                    mapper,
                    reader,
                    new PlacementLimits(3, 100)::check,
                    JobScope::open,
                    Clock.systemUTC(),
                    200,
                    new OnlinePolicy());
        }
    }

    private String create() throws Exception {
        String body = json.writeValueAsString(
                ClusterFixtures.cluster(List.of(ClusterFixtures.workload("r", 2, 0, null, "a")), null, null));
        String answer = mvc.perform(
                        post(URL).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString(URL + "/")))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.nodes").value(3))
                .andExpect(jsonPath("$.workloads").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(answer, "$.id");
    }

    @Test
    void createDecideReportAndDelete() throws Exception {
        String id = create();
        mvc.perform(post(URL + "/{id}/decisions", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workloads\":[{\"id\":\"w\",\"requirements\":{\"cpu\":1000},\"gpus\":2}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLACED"))
                .andExpect(jsonPath("$.bound").value(true))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.placements[0].node").value("a"))
                .andExpect(jsonPath("$.placements[0].gpus[0]").value(2))
                .andExpect(jsonPath("$.placements[0].gpus[1]").value(3));
        mvc.perform(post(URL + "/{id}/decisions", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workloads\":[{\"id\":\"big\",\"gpus\":16}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.blockingRules[0].rule").value("gpuCapacity"))
                .andExpect(jsonPath("$.blockingRules[0].nodes").value(3))
                .andExpect(jsonPath("$.message").value(containsString("No node takes workload big")));
        mvc.perform(post(URL + "/{id}/events", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\":[{\"type\":\"WORKLOAD_FINISHED\",\"workloadId\":\"w\"},"
                                + "{\"type\":\"NODE_CORDONED\",\"nodeId\":\"b\"}],\"expectedVersion\":1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.workloads").value(1));
        mvc.perform(get(URL + "/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state.nodes[1].state").value("CORDONED"))
                .andExpect(jsonPath("$.gpuIndices.r[1]").value(1));
        mvc.perform(delete(URL + "/{id}", id)).andExpect(status().isNoContent());
        mvc.perform(get(URL + "/{id}", id))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void brokenRulesAnswer422WithFieldPaths() throws Exception {
        mvc.perform(post(URL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nodes\":[{\"id\":\"a\",\"capacity\":{\"cpu\":1},\"zone\":\"z\"}],"
                                + "\"workloads\":[{\"id\":\"w\",\"requirements\":{\"cpu\":1}}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("$.workloads[0].currentNode")));
        String id = create();
        mvc.perform(post(URL + "/{id}/decisions", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workloads\":[{\"id\":\"\",\"gpus\":-1}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("$.workloads[0].id")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("$.workloads[0].gpus")));
        mvc.perform(post(URL + "/{id}/decisions", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workloads\":[{\"id\":\"r\",\"gpus\":1}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("$.workloads[0].id"));
        mvc.perform(post(URL + "/{id}/events", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\":[{\"type\":\"NODE_ADDED\",\"node\":{\"id\":\"d\",\"capacity\":{},"
                                + "\"zone\":\"z1\",\"rack\":\"nope\",\"gpus\":2}}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("$.events[0].node.rack")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("$.events[0].node.gpuType")));
        mvc.perform(post(URL + "/{id}/events", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\":[{\"type\":\"NODE_EXPLODED\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("$.events[0].type"));
    }

    @Test
    void unknownClusterStaleVersionAndOversizedClusterAreAnsweredAsProblems() throws Exception {
        mvc.perform(post(URL + "/{id}/decisions", "nope")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workloads\":[{\"id\":\"w\",\"gpus\":1}]}"))
                .andExpect(status().isNotFound());
        String id = create();
        mvc.perform(post(URL + "/{id}/decisions", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"workloads\":[{\"id\":\"w\",\"gpus\":1}],\"expectedVersion\":7}"))
                .andExpect(status().isConflict());
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            nodes.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"n")
                    .append(i)
                    .append("\",\"capacity\":{},\"zone\":\"z\"}");
        }
        mvc.perform(post(URL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nodes\":[" + nodes + "],\"workloads\":[]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("$.nodes"));
    }
}
