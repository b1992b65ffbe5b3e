package dev.computeplan.roadef;

import java.time.Duration;

/**
 * Runs a {@link RoadefSolver} and referees its answer with the exact scorer: a solution that is infeasible,
 * malformed, worse than the initial assignment, or that makes the solver fail is replaced by the initial
 * assignment, which the challenge guarantees feasible.
 */
public final class RoadefSolveRun {

    /** The answer and why it was chosen. {@code note} is empty when the solver's own answer was kept. */
    public record Result(int[] assignment, RoadefScore score, RoadefScore initialScore, String note) {}

    private RoadefSolveRun() {}

    public static Result run(RoadefSolver solver, RoadefInstance instance, Duration timeLimit, long seed) {
        int[] initial = instance.initialAssignment();
        RoadefScore initialScore = RoadefScorer.score(instance, initial);
        int[] candidate;
        try {
            candidate = solver.solve(instance, timeLimit, seed);
        } catch (RuntimeException e) {
            String cause = e.getCause() == null ? "" : ", caused by " + e.getCause();
            return new Result(
                    initial,
                    initialScore,
                    initialScore,
                    "solver failed (" + e + cause + "); kept the initial assignment");
        }
        if (candidate == null) {
            return new Result(
                    initial, initialScore, initialScore, "solver returned nothing; kept the initial assignment");
        }
        RoadefScore score;
        try {
            score = RoadefScorer.score(instance, candidate);
        } catch (ArithmeticException e) {
            return new Result(
                    initial, initialScore, initialScore, "solver answer's cost overflows; kept the initial assignment");
        }
        if (!score.feasible()) {
            return new Result(
                    initial,
                    initialScore,
                    initialScore,
                    "solver answer infeasible (" + score.violations().get(0)
                            + (score.violations().size() > 1
                                    ? " and " + (score.violations().size() - 1) + " more"
                                    : "")
                            + "); kept the initial assignment");
        }
        if (initialScore.feasible() && score.total() > initialScore.total()) {
            return new Result(
                    initial,
                    initialScore,
                    initialScore,
                    "solver answer costs more than the initial assignment; kept it");
        }
        return new Result(candidate.clone(), score, initialScore, "");
    }
}
