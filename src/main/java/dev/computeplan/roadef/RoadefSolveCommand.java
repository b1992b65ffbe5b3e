package dev.computeplan.roadef;

import dev.computeplan.placement.PlacementProperties;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Solves as a placement job does ({@link RoadefJobSolver}, default placement settings), re-checks the answer with the exact scorer (falling back to the initial assignment if it is not
 * feasible), writes the solution file and prints its exact cost as the last line.
 */
@Command(
        name = "solve",
        mixinStandardHelpOptions = true,
        description = "Solve an instance; the last line printed is the exact cost of the written solution.")
class RoadefSolveCommand implements Callable<Integer> {

    private static final long WRITE_RESERVE_MILLIS = 500;
    private static final long MIN_SEARCH_MILLIS = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    RoadefFiles files;

    @Option(names = "--output", required = true, description = "solution file to write")
    Path output;

    @Option(names = "--seconds", required = true, description = "time limit in seconds (the challenge allows 300)")
    double seconds;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--threads",
            defaultValue = "2",
            description =
                    "parallel annealing runs, best one wins (default ${DEFAULT-VALUE}: the challenge machine has 2 cores)")
    int threads;

    @Option(
            names = "--steps",
            defaultValue = "0",
            description = "end each search phase after this many steps instead of on the clock, for the same answer on"
                    + " any machine (default ${DEFAULT-VALUE}: off)")
    long steps;

    /**
     * When the run began: the command's creation, or the process's start when {@link RoadefMain} runs it, since the
     * challenge times a run from the process's start (the JVM's start-up and reading the files count).
     */
    private long startNanos = System.nanoTime();

    void startedAt(long nanos) {
        startNanos = nanos;
    }

    /** What is left of the limit, less a reserve for scoring and writing the answer once the search ends. */
    private Duration leftOfLimit() {
        long limitMillis = Math.round(seconds * 1000);
        long reserve = Math.min(WRITE_RESERVE_MILLIS, limitMillis / 10);
        long left = limitMillis - (System.nanoTime() - startNanos) / 1_000_000 - reserve;
        return Duration.ofMillis(Math.max(left, Math.min(limitMillis, MIN_SEARCH_MILLIS)));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(seconds > 0) || seconds > 86_400) {
            err.println("error: --seconds must be in (0, 86400]");
            return RoadefScoreCommand.EXIT_BAD_INPUT;
        }
        if (threads < 1 || threads > 64) {
            err.println("error: --threads must be in 1..64");
            return RoadefScoreCommand.EXIT_BAD_INPUT;
        }
        if (steps < 0) {
            err.println("error: --steps must be >= 0");
            return RoadefScoreCommand.EXIT_BAD_INPUT;
        }
        PlacementProperties defaults = PlacementProperties.defaults();
        FirstImprovement first = new FirstImprovement(startNanos);
        RoadefSolver chosen = new RoadefJobSolver(
                defaults.withEngine(
                        defaults.solverSettings().engine().withThreads(threads).withStepLimit(steps)),
                first);
        RoadefInstance instance;
        try {
            instance = RoadefReader.read(files.model, files.assignment);
        } catch (IOException e) {
            err.println("error: cannot read " + e.getMessage());
            return RoadefScoreCommand.EXIT_BAD_INPUT;
        } catch (RoadefFormatException e) {
            err.println("error: " + e.getMessage());
            return RoadefScoreCommand.EXIT_BAD_INPUT;
        }
        first.initialCost(
                RoadefScorer.score(instance, instance.initialAssignment()).total());
        RoadefSolveRun.Result result;
        try {
            result = RoadefSolveRun.run(chosen, instance, leftOfLimit(), seed);
        } catch (ArithmeticException e) {
            err.println("error: the cost does not fit in 64-bit integers");
            return RoadefScoreCommand.EXIT_BAD_INPUT;
        }
        try {
            RoadefSolutionWriter.write(output, result.assignment());
        } catch (IOException e) {
            err.println("error: cannot write " + output + ": " + e.getMessage());
            return RoadefScoreCommand.EXIT_BAD_INPUT;
        }
        if (!result.note().isEmpty()) {
            err.println("warning: " + result.note());
        }
        err.println(first.describe());
        out.println("initial " + result.initialScore().total());
        out.println((result.score().feasible() ? "feasible " : "infeasible ")
                + result.score().total());
        out.println(result.score().parts());
        out.println(result.score().total());
        out.flush();
        err.flush();
        return result.score().feasible() ? 0 : RoadefScoreCommand.EXIT_INFEASIBLE;
    }
}
