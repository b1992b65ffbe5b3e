package dev.computeplan.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import java.util.List;

/**
 * What a problem kind (placement, procurement, power, ...) gives the shared job machinery.
 * Register an implementation as a Spring bean; nothing else in {@code jobs} needs to change.
 *
 * @param <P> the problem: the JSON request body (without {@code termination}), validated by Bean Validation
 * @param <S> the solution: JSON-serialisable, persisted as the best solution so far and used for warm starts
 */
public interface ProblemKind<P, S> {

    /** URL segment and CLI name, e.g. {@code placement}. */
    String name();

    Class<P> problemType();

    Class<S> solutionType();

    /** Name of the solver reported with each job, e.g. {@code timefold} or {@code or-tools-scip}. */
    String solverName();

    /**
     * The service's size limits, checked on the parsed body before it is bound or validated, so that an oversized
     * input is refused cheaply. Each violation names the field and the setting that limits it.
     */
    default List<Violation> checkSize(JsonNode body) {
        return List.of();
    }

    /**
     * Rules that Bean Validation cannot express: unknown references, inconsistent sizes.
     * Runs only on an input that passed Bean Validation. Field paths are JSON paths ({@code $.nodes[2].rack}).
     */
    List<Violation> validate(P problem);

    /**
     * Solves until the control says stop or the time limit passes, reporting each new best solution to
     * {@link SolveControl#newBest}. Returns the best solution found.
     *
     * @param warmStart a previous best solution of this same problem, or {@code null}
     */
    Solved<S> solve(P problem, S warmStart, SolveControl control) throws Exception;

    /** Why the solution is what it is: a JSON-serialisable object of {@link #explanationType()}. */
    Object explain(P problem, S solution);

    /**
     * The type {@link #explain} returns, which the API documents as the explanation of this kind; an implementation
     * narrows the return type of {@code explain} to it.
     */
    default Class<?> explanationType() {
        return Object.class;
    }

    /**
     * A solution that did not come from this service's solver (an imported archive) re-checked against its problem by
     * the kind's independent checker. The default accepts any solution that reads as the kind's type; every kind that
     * has a checker overrides it.
     */
    default Checked check(P problem, S solution) {
        return new Checked(List.of(), null);
    }

    /** A solution with its score (or objective) as text. */
    record Solved<S>(S solution, String score) {}

    /** What {@link #check} found: the rules the solution breaks (empty when it holds) and its score, or null. */
    record Checked(List<String> violations, String score) {}
}
