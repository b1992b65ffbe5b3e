package dev.computeplan.roadef;

import java.time.Duration;

/** Something that improves a ROADEF instance's initial assignment within a time limit. */
public interface RoadefSolver {

    /**
     * @return one machine per process; callers re-check it with {@link RoadefScorer} and never trust it blindly
     */
    int[] solve(RoadefInstance instance, Duration timeLimit, long seed);
}
