package dev.computeplan.placement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.placement.api.PlacementLimits;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.PlacementValidator;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.explain.PlacementChecker;
import dev.computeplan.placement.explain.PlacementExplainer;
import dev.computeplan.placement.explain.PlacementExplanation;
import dev.computeplan.placement.solver.PlacementSolver;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The {@code placement} problem kind: GPU/compute cluster placement solved with Timefold. */
@Component
public class PlacementKind implements ProblemKind<PlacementRequest, PlacementPlan> {

    public static final String NAME = "placement";

    private static final Logger LOG = LoggerFactory.getLogger(PlacementKind.class);

    /** The least time a solve gets, even when mapping the request took the whole limit. */
    private static final Duration MIN_SOLVE = Duration.ofMillis(100);

    /**
     * Built on first use: its solution manager compiles the constraint streams (seconds on a busy machine), which a
     * solve does not need (the CLI's solves never explain).
     */
    private volatile PlacementExplainer explainer;

    private final PlacementSolver solver;
    private final PlacementLimits limits;

    /** With the default settings, for tests and tools. */
    public PlacementKind() {
        this(PlacementProperties.defaults());
    }

    @Autowired
    public PlacementKind(PlacementProperties properties) {
        this.solver = new PlacementSolver(properties.solverSettings());
        this.limits = properties.limits();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<PlacementRequest> problemType() {
        return PlacementRequest.class;
    }

    @Override
    public Class<PlacementPlan> solutionType() {
        return PlacementPlan.class;
    }

    @Override
    public String solverName() {
        return "timefold";
    }

    @Override
    public List<Violation> checkSize(JsonNode body) {
        return limits.check(body);
    }

    @Override
    public List<Violation> validate(PlacementRequest problem) {
        return PlacementValidator.validate(problem);
    }

    @Override
    public Solved<PlacementPlan> solve(PlacementRequest problem, PlacementPlan warmStart, SolveControl control) {
        long start = System.nanoTime();
        PlacementSolution initial = PlacementMapper.toDomain(problem, warmStart);
        // The limit covers the whole job: what mapping took is gone from the solver's share.
        Duration left = Duration.ofMillis(control.timeLimit().toMillis() - (System.nanoTime() - start) / 1_000_000);
        BestReports reports = new BestReports(control);
        long limitStart = System.nanoTime();
        PlacementSolution best = solver.solve(
                initial, left.compareTo(MIN_SOLVE) < 0 ? MIN_SOLVE : left, control::onStop, reports::offer);
        long solved = System.nanoTime();
        PlacementPlan plan = PlacementMapper.toPlan(best);
        verify(problem, plan);
        long end = System.nanoTime();
        LOG.info(
                "Placement of {} workloads: {} ms in all, of which mapping {} ms, solving {} ms, checking {} ms",
                problem.workloads().size(),
                (end - start) / 1_000_000,
                (limitStart - start) / 1_000_000,
                (solved - limitStart) / 1_000_000,
                (end - solved) / 1_000_000);
        return new Solved<>(plan, plan.score());
    }

    /**
     * Reports new best solutions, but spends at most about a sixth of the time on it: on a large problem mapping and
     * saving one costs a good part of a second, and local search finds a new best many times a second. The
     * answer itself is always reported when the solve ends.
     */
    private static final class BestReports {
        private static final int SPACING = 5;
        private final SolveControl control;
        private long next;
        private boolean reported;

        BestReports(SolveControl control) {
            this.control = control;
        }

        void offer(PlacementSolution newBest) {
            long now = System.nanoTime();
            if (reported && now - next < 0) {
                return;
            }
            control.newBest(PlacementMapper.toPlan(newBest), String.valueOf(newBest.getScore()));
            long done = System.nanoTime();
            next = done + SPACING * (done - now);
            reported = true;
        }
    }

    /**
     * Every answer is re-checked by code that shares nothing with the solver: a plan the solver calls feasible but
     * the check rejects is a bug, never an answer.
     */
    static void verify(PlacementRequest problem, PlacementPlan plan) {
        if (!plan.feasible()) {
            return;
        }
        PlacementChecker.Report report = PlacementChecker.check(problem, plan);
        if (!report.feasible()) {
            throw new IllegalStateException("the placement the solver scored " + plan.score()
                    + " failed the independent check: "
                    + report.violations()
                            .subList(0, Math.min(3, report.violations().size())));
        }
    }

    @Override
    public Checked check(PlacementRequest problem, PlacementPlan plan) {
        // a plan that calls itself infeasible is an answer too (nothing better exists), so only a feasible one must
        // hold
        List<String> broken =
                plan.feasible() ? PlacementChecker.check(problem, plan).violations() : List.of();
        return new Checked(broken, plan.score());
    }

    @Override
    public Class<PlacementExplanation> explanationType() {
        return PlacementExplanation.class;
    }

    @Override
    public PlacementExplanation explain(PlacementRequest problem, PlacementPlan solution) {
        PlacementSolution solved = PlacementMapper.toDomain(problem, solution);
        PlacementSolver.solutionManager().update(solved);
        PlacementExplainer e = explainer;
        if (e == null) {
            e = new PlacementExplainer(PlacementSolver.solutionManager());
            explainer = e;
        }
        return e.explain(solved);
    }
}
