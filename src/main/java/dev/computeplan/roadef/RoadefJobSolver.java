package dev.computeplan.roadef;

import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.placement.PlacementKind;
import dev.computeplan.placement.PlacementProperties;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import java.time.Duration;
import java.util.List;

/**
 * Solves a ROADEF instance the way a placement job is solved: the instance as a placement request
 * ({@link RoadefRequests}), validated and solved by {@link PlacementKind}, the entry point every
 * {@code POST /api/v1/placement/jobs} goes through, under the placement settings given (seed, engine).
 */
public final class RoadefJobSolver implements RoadefSolver {

    private final PlacementProperties properties;

    /** @param properties the placement settings; each solve's seed replaces theirs */
    public RoadefJobSolver(PlacementProperties properties) {
        this.properties = properties;
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
        PlacementPlan plan =
                kind.solve(request, null, SolveControl.withTimeLimit(left)).solution();
        return RoadefRequests.toAssignment(plan, instance.processCount());
    }
}
