package dev.computeplan.roadef;

import dev.computeplan.common.SimpleSolveControl;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.placement.PlacementKind;
import dev.computeplan.placement.PlacementProperties;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Solves a ROADEF instance the way a placement job is solved: the instance as a placement request
 * ({@link RoadefRequests}), validated and solved by {@link PlacementKind}, the entry point every
 * {@code POST /api/v1/placement/jobs} goes through, under the placement settings given (seed, engine).
 */
public final class RoadefJobSolver implements RoadefSolver {

    private final PlacementProperties properties;
    private final BiConsumer<Long, String> onBest;

    /** @param properties the placement settings; each solve's seed replaces theirs */
    public RoadefJobSolver(PlacementProperties properties) {
        this(properties, (nanos, score) -> {});
    }

    /**
     * @param onBest told each best score the job reports, with {@link System#nanoTime()} when it was reported (the
     *     first is the initial assignment's), as a job's progress events are
     */
    public RoadefJobSolver(PlacementProperties properties, BiConsumer<Long, String> onBest) {
        this.properties = properties;
        this.onBest = onBest;
    }

    @Override
    public int[] solve(RoadefInstance instance, Duration timeLimit, long seed) {
        PlacementKind kind = new PlacementKind(properties.withSeed(seed));
        long start = System.nanoTime();
        PlacementRequest request = RoadefRequests.toRequest(instance);
        List<Violation> violations = kind.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("the instance is not a valid placement request: " + violations);
        }
        // The limit covers building the request too, as a job's covers reading it.
        Duration left = timeLimit.minusNanos(System.nanoTime() - start);
        SolveControl control =
                new SimpleSolveControl(left).listener((solution, score) -> onBest.accept(System.nanoTime(), score));
        PlacementPlan plan = kind.solve(request, null, control).solution();
        return RoadefRequests.toAssignment(plan, instance.processCount());
    }
}
