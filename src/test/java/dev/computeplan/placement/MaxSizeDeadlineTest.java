package dev.computeplan.placement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.SimpleSolveControl;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.explain.PlacementChecker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A job of the service's maximum size with a 5 s limit, the way the job runner runs it: the stored request read
 * from JSON, {@link PlacementKind#solve} (mapping, solving, final fill, polish, independent check, mapping back)
 * with every new best written as JSON, and the answer written as JSON. It must end within 7 s of wall time and
 * leave no pending workload that fits somewhere.
 */
class MaxSizeDeadlineTest {

    @Test
    @Tag("slow")
    void aMaximumSizeJobEndsWithinItsLimitAndLeavesNoPlaceableWorkPending() throws Exception {
        ObjectMapper json = new ObjectMapper();
        byte[] stored = json.writeValueAsBytes(MaxSizeRequest.create(1L));
        PlacementKind kind = new PlacementKind();
        // The service builds its solver factories once; the first job of a process pays for that, not every job.
        PlacementRequest small =
                json.readValue(json.writeValueAsBytes(MaxSizeRequest.create(2L, 40, 200)), PlacementRequest.class);
        write(
                json,
                kind.solve(small, null, new SimpleSolveControl(Duration.ofSeconds(1)))
                        .solution());

        AtomicInteger bests = new AtomicInteger();
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(5));
        control.listener((solution, score) -> {
            bests.incrementAndGet();
            write(json, solution);
        });
        long start = System.nanoTime();
        PlacementRequest req = json.readValue(stored, PlacementRequest.class);
        long read = System.nanoTime();
        PlacementPlan plan = kind.solve(req, null, control).solution();
        long solved = System.nanoTime();
        write(json, plan);
        System.err.printf(
                "MAX-SIZE read %d ms, solve %d ms, write %d ms%n",
                (read - start) / 1_000_000, (solved - read) / 1_000_000, (System.nanoTime() - solved) / 1_000_000);
        double seconds = (System.nanoTime() - start) / 1e9;

        List<String> placeable = PendingPlaceability.placeable(req, plan);
        System.err.printf(
                "MAX-SIZE %.2f s, %d bests, score %s, pending %d, placeable pending %d%n",
                seconds, bests.get(), plan.score(), plan.summary().pending(), placeable.size());
        assertThat(seconds).isLessThan(7.0);
        assertThat(plan.feasible()).isTrue();
        assertThat(PlacementChecker.check(req, plan).violations()).isEmpty();
        assertThat(plan.summary().pending()).isPositive();
        assertThat(placeable)
                .as("pending plain workloads that fit, with a node each: %s", PendingPlaceability.firstFit(req, plan))
                .isEmpty();
    }

    private static void write(ObjectMapper json, Object solution) {
        try {
            json.writeValueAsString(solution);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
