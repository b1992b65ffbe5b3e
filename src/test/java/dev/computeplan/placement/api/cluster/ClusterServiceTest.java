package dev.computeplan.placement.api.cluster;

import static dev.computeplan.placement.api.cluster.ClusterFixtures.cluster;
import static dev.computeplan.placement.api.cluster.ClusterFixtures.node;
import static dev.computeplan.placement.api.cluster.ClusterFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.ConflictException;
import dev.computeplan.common.NotFoundException;
import dev.computeplan.jobs.CallerScope;
import dev.computeplan.jobs.JobScope;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.placement.api.PlacementLimits;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.solver.online.OnlinePolicy;
import jakarta.validation.Validation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Clusters on the real schema (in-memory H2 migrated by Flyway): persistence, tenants, versions, concurrency. */
class ClusterServiceTest {

    private static final jakarta.validation.Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private JdbcDataSource dataSource;

    @BeforeEach
    void schema() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:clusters-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** A replica of the service on the shared database, serving callers of {@code scope}. */
    private ClusterService replica(CallerScope scope, int snapshotEvery) {
        ProblemReader reader = new ProblemReader(json, VALIDATOR, Duration.ofSeconds(10), Duration.ofMinutes(10));
        return new ClusterService(
                new ClusterStore(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource))),
                json,
                reader,
                PlacementLimits.defaults()::check,
                scope,
                Clock.systemUTC(),
                snapshotEvery,
                new OnlinePolicy());
    }

    private JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    private JsonNode decision(String id, int gpus) {
        return tree(ClusterFixtures.decide(workload(id, gpus, 0, null, null)));
    }

    @Test
    void theStateSurvivesARestartFromSnapshotAndChanges() {
        ClusterService first = replica(JobScope::open, 2);
        String id = first.create(tree(cluster(List.of(workload("r", 2, 0, null, "a")), null, null)))
                .id();
        for (int i = 0; i < 3; i++) {
            first.decide(id, decision("w" + i, 1));
        }
        first.events(
                id,
                tree(new ClusterEvents(
                        List.of(new ClusterEvent(ClusterEvent.Type.NODE_CORDONED, null, "b", null, null, null, null)),
                        3L)));
        ClusterView before = first.get(id, true);
        assertThat(before.version()).isEqualTo(4);

        ClusterService restarted = replica(JobScope::open, 2);
        ClusterView after = restarted.get(id, true);
        assertThat(after.version()).isEqualTo(4);
        assertThat(after.gpuIndices()).isEqualTo(before.gpuIndices());
        assertThat(after.state().nodes())
                .extracting(PlacementRequest.NodeDto::state)
                .containsExactly(null, "CORDONED", null);
        assertThat(after.gpuIndices()).containsEntry("r", List.of(0, 1)).containsEntry("w2", List.of(4));
        // the restarted copy knows which GPUs are taken: the next one is GPU 5 of a
        DecisionView next = restarted.decide(id, decision("w3", 1));
        assertThat(next.placements().get(0).gpus()).containsExactly(5);
        assertThat(next.version()).isEqualTo(5);
    }

    @Test
    void anotherTenantsClusterIsUnknownAndAnAdminSeesIt() {
        String id = replica(() -> new JobScope("acme", false, 0), 200)
                .create(tree(cluster(List.of(), null, null)))
                .id();
        ClusterService other = replica(() -> new JobScope("globex", false, 0), 200);
        assertThatThrownBy(() -> other.get(id, false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.decide(id, decision("w", 1))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.delete(id)).isInstanceOf(NotFoundException.class);
        assertThat(replica(() -> new JobScope("root", true, 0), 200)
                        .get(id, false)
                        .nodes())
                .isEqualTo(3);
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndDeletedIsGone() {
        ClusterService s = replica(JobScope::open, 200);
        String id = s.create(tree(cluster(List.of(), null, null))).id();
        s.decide(id, decision("w", 1));
        JsonNode stale = tree(new DecisionRequest(List.of(workload("v", 1, 0, null, null)), null, false, 0L));
        assertThatThrownBy(() -> s.decide(id, stale)).isInstanceOf(ConflictException.class);
        s.delete(id);
        assertThatThrownBy(() -> s.get(id, false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> replica(JobScope::open, 200).get(id, false)).isInstanceOf(NotFoundException.class);
    }

    /**
     * Two replicas on one database, two threads each, 16 one-GPU decisions on 8 GPUs: whatever the interleaving, no
     * GPU is given twice, exactly 8 are placed (a replica that lost a race answers 409 and the caller retries), and a
     * fresh replica reads back those 8.
     */
    @Test
    void concurrentDecisionsOnTwoReplicasNeverShareAGpu() throws Exception {
        ClusterService a = replica(JobScope::open, 5);
        ClusterService b = replica(JobScope::open, 5);
        PlacementRequest state = new PlacementRequest(
                null,
                List.of(node("n1", null, 4, "A100"), node("n2", null, 4, "A100")),
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null);
        String id = a.create(tree(state)).id();
        List<String> placed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            ClusterService replica = t % 2 == 0 ? a : b;
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 4; i++) {
                    String w = "t" + thread + "-" + i;
                    for (int attempt = 0; attempt < 50; attempt++) {
                        try {
                            DecisionView v = replica.decide(id, decision(w, 1));
                            if (v.status() == DecisionView.Status.PLACED) {
                                DecisionView.PlacementView p = v.placements().get(0);
                                placed.add(p.node() + "/" + p.gpus().get(0));
                            }
                            break;
                        } catch (ConflictException lostRace) {
                            // another replica wrote first: decide again on the state it left
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(placed).hasSize(8);
        assertThat(new HashSet<>(placed)).hasSize(8);
        ClusterView fresh = replica(JobScope::open, 5).get(id, true);
        assertThat(fresh.workloads()).isEqualTo(8);
        Set<String> held = new HashSet<>();
        Map<String, String> nodeOf = new java.util.HashMap<>();
        fresh.state().workloads().forEach(w -> nodeOf.put(w.id(), w.currentNode()));
        fresh.gpuIndices().forEach((w, g) -> held.add(nodeOf.get(w) + "/" + g.get(0)));
        assertThat(held).isEqualTo(new HashSet<>(placed));
    }
}
