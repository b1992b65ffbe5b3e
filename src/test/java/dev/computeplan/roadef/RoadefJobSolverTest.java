package dev.computeplan.roadef;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.common.SimpleSolveControl;
import dev.computeplan.common.SolveControl;
import dev.computeplan.placement.PlacementKind;
import dev.computeplan.placement.PlacementProperties;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.solver.PlacementEngineSettings;
import dev.computeplan.placement.solver.PlacementSolver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code roadef solve} is a placement job: the same request, the same entry point, the same engine. With a step
 * limit (the same answer on any machine) and the same seed, the CLI and the job path give the same cost, and the
 * request's own score is the exact ROADEF cost.
 */
class RoadefJobSolverTest {

    private static final long STEPS = 3_000;
    /** Long enough never to cut a step-limited solve, even on a busy machine. */
    private static final Duration LIMIT = Duration.ofSeconds(300);

    @TempDir
    Path dir;

    /** The job path with the default settings but {@code threads} runs and a step limit. */
    static RoadefJobSolver stepLimited(int threads, long steps) {
        return new RoadefJobSolver(properties(threads, steps));
    }

    static PlacementProperties properties(int threads, long steps) {
        PlacementProperties d = PlacementProperties.defaults();
        return d.withEngine(d.solverSettings().engine().withThreads(threads).withStepLimit(steps));
    }

    @Test
    void theRequestScoresTheExactRoadefCostOfTheInitialAssignment() {
        RoadefInstance in = RoadefTestData.load("a2_2");
        PlacementRequest request = RoadefRequests.toRequest(in);
        assertThat(new PlacementKind().validate(request)).isEmpty();
        assertThat(PlacementSolver.solutionManager().update(PlacementMapper.toDomain(request, null)))
                .isEqualTo(HardMediumSoftLongScore.ofSoft(-RoadefTestData.originalCost("a2_2")));
    }

    @Test
    void theCliAndAPlacementJobGiveTheSameCostWithTheSameSeedAndStepLimit() {
        RoadefInstance in = RoadefTestData.load("a1_1");
        PlacementKind job = new PlacementKind(properties(2, STEPS).withSeed(5));
        PlacementPlan plan = job.solve(RoadefRequests.toRequest(in), null, SolveControl.withTimeLimit(LIMIT))
                .solution();
        RoadefScore exact = RoadefScorer.score(in, RoadefRequests.toAssignment(plan, in.processCount()));
        assertThat(exact.violations()).isEmpty();
        assertThat(HardMediumSoftLongScore.parseScore(plan.score()).softScore())
                .as("the job's own score is the exact cost")
                .isEqualTo(-exact.total());
        assertThat(exact.total()).isLessThan(RoadefTestData.originalCost("a1_1"));

        Path data = RoadefTestData.setA();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RoadefCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(
                "solve",
                "--model",
                data.resolve("model_a1_1.txt").toString(),
                "--assignment",
                data.resolve("assignment_a1_1.txt").toString(),
                "--output",
                dir.resolve("a1_1.sol").toString(),
                "--seconds",
                String.valueOf(LIMIT.toSeconds()),
                "--seed",
                "5",
                "--threads",
                "2",
                "--steps",
                String.valueOf(STEPS));
        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(Long.parseLong(lines.get(lines.size() - 1))).isEqualTo(exact.total());
    }

    @Test
    void anAnnealingJobShowsItsBestWhileAPhaseRunsNotOnlyWhenItEnds() {
        RoadefInstance in = RoadefTestData.load("a1_2");
        assertThat(improvedReports(in, Duration.ZERO))
                .as("without progress reports a phase shows its best only when it ends")
                .isLessThanOrEqualTo(4);
        assertThat(improvedReports(in, Duration.ofMillis(1)))
                .as("with them, a long walk shows many")
                .isGreaterThan(10);
    }

    /** Distinct improving best scores a one-run annealing job reports, with progress every {@code interval}. */
    private static int improvedReports(RoadefInstance in, Duration interval) {
        PlacementProperties d = PlacementProperties.defaults();
        PlacementEngineSettings engine =
                d.solverSettings().engine().withThreads(1).withStepLimit(40_000).withProgressInterval(interval);
        List<String> scores = new CopyOnWriteArrayList<>();
        SolveControl control = new SimpleSolveControl(LIMIT).listener((solution, score) -> scores.add(score));
        new PlacementKind(d.withEngine(engine)).solve(RoadefRequests.toRequest(in), null, control);
        return (int) scores.stream().distinct().count() - 1;
    }
}
