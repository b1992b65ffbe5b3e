package dev.computeplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * progress.solvingSeconds as clients poll it across the end of a solve: while solving, while the final solution is
 * saved, while the final state is written, and after. A poll that reads the record just before the job finishes and
 * asks for the live time just after must not fall back to the older time the record held.
 */
class SolvingSecondsMonotonicTest {

    private static final String KIND = "gate";

    private final CountDownLatch solveMayEnd = new CountDownLatch(1);
    private final CountDownLatch saving = new CountDownLatch(1);
    private final CountDownLatch saveMayEnd = new CountDownLatch(1);
    private final CountDownLatch finishing = new CountDownLatch(1);
    private final CountDownLatch finishMayEnd = new CountDownLatch(1);
    private volatile boolean staleFind;
    private JobRunner runner;

    @AfterEach
    void stop() {
        solveMayEnd.countDown();
        saveMayEnd.countDown();
        finishMayEnd.countDown();
        if (runner != null) {
            runner.stop();
        }
    }

    @Test
    void solvingSecondsNeverGoesBackAcrossTheEndOfASolve() throws Exception {
        GatedStore store = new GatedStore();
        JobProperties props = new JobProperties(
                1,
                10,
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofMinutes(10),
                Duration.ofMillis(50),
                true,
                Duration.ZERO);
        ObjectMapper mapper = new ObjectMapper();
        KindRegistry kinds = new KindRegistry(List.of(new GateKind()));
        runner = new JobRunner(store, kinds, mapper, Clock.systemUTC(), props, new SimpleMeterRegistry());
        JobService service = new JobService(store, runner, kinds, null, mapper, Clock.systemUTC(), props);
        String id = UUID.randomUUID().toString();
        store.insert(JobRecord.queued(id, KIND, "{}", 30_000, "gate", System.currentTimeMillis()));
        runner.start();

        List<Double> seen = new ArrayList<>();
        waitFor(() -> service.get(KIND, id).status() == JobStatus.SOLVING);
        Thread.sleep(300);
        seen.add(solvingSeconds(service, id));

        solveMayEnd.countDown();
        assertThat(saving.await(10, TimeUnit.SECONDS)).isTrue();
        seen.add(solvingSeconds(service, id));
        saveMayEnd.countDown();
        assertThat(finishing.await(10, TimeUnit.SECONDS)).isTrue();
        seen.add(solvingSeconds(service, id));

        // this poll reads the record before the final state is written and asks for the live time after
        staleFind = true;
        seen.add(solvingSeconds(service, id));
        waitFor(() -> service.get(KIND, id).status() == JobStatus.COMPLETED);
        seen.add(solvingSeconds(service, id));

        assertThat(seen.get(0)).isGreaterThanOrEqualTo(0.3);
        assertThat(seen).isSorted();
    }

    private static double solvingSeconds(JobService service, String id) {
        return service.get(KIND, id).progress().solvingSeconds();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting").isLessThan(end);
            Thread.sleep(10);
        }
    }

    /** The jobs table in an in-memory database, with gates in the writes that end a job. */
    private final class GatedStore extends JobStore {

        GatedStore() {
            this(dataSource());
        }

        private GatedStore(JdbcDataSource ds) {
            super(ds, new TransactionTemplate(new DataSourceTransactionManager(ds)));
        }

        private static JdbcDataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return ds;
        }

        @Override
        public void saveBest(String id, String owner, String solution, String score, int bestCount, long now) {
            saving.countDown();
            await(saveMayEnd);
            super.saveBest(id, owner, solution, score, bestCount, now);
        }

        @Override
        public void finish(String id, String owner, JobStatus status, String error, long solvedMs, long now) {
            finishing.countDown();
            await(finishMayEnd);
            super.finish(id, owner, status, error, solvedMs, now);
        }

        @Override
        public Optional<JobRecord> find(String kind, String id, Load load) {
            Optional<JobRecord> found = super.find(kind, id, load);
            if (staleFind) {
                staleFind = false;
                finishMayEnd.countDown();
                while (runner.liveSolvingSeconds(id).isPresent()) {
                    Thread.onSpinWait();
                }
            }
            return found;
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A kind that solves until the test lets it end, with one best solution at the end. */
    private final class GateKind implements ProblemKind<GateKind.Problem, GateKind.Solution> {

        record Problem() {}

        record Solution(int value) {}

        @Override
        public String name() {
            return KIND;
        }

        @Override
        public Class<Problem> problemType() {
            return Problem.class;
        }

        @Override
        public Class<Solution> solutionType() {
            return Solution.class;
        }

        @Override
        public String solverName() {
            return "gate";
        }

        @Override
        public List<Violation> validate(Problem problem) {
            return List.of();
        }

        @Override
        public Solved<Solution> solve(Problem problem, Solution warmStart, SolveControl control) throws Exception {
            solveMayEnd.await(10, TimeUnit.SECONDS);
            return new Solved<>(new Solution(1), "done");
        }

        @Override
        public Object explain(Problem problem, Solution solution) {
            return solution;
        }
    }
}
