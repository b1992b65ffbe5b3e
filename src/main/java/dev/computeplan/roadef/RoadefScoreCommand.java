package dev.computeplan.roadef;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints {@code feasible COST} and the five cost parts (exit 0) or {@code infeasible} and each violation (exit 1). */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description =
                "Exact cost and feasibility of a solution file. Exit 0 feasible, 1 infeasible, 2 unreadable input.")
class RoadefScoreCommand implements Callable<Integer> {

    static final int EXIT_INFEASIBLE = 1;
    static final int EXIT_BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    RoadefFiles files;

    @Option(names = "--solution", required = true, description = "solution file: one machine per process")
    Path solution;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RoadefInstance instance;
        int[] machines;
        try {
            instance = RoadefReader.read(files.model, files.assignment);
            machines = RoadefReader.readSolution(solution, instance);
        } catch (IOException e) {
            spec.commandLine().getErr().println("error: cannot read " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (RoadefFormatException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        RoadefScore score;
        try {
            score = RoadefScorer.score(instance, machines);
        } catch (ArithmeticException e) {
            spec.commandLine().getErr().println("error: the cost does not fit in 64-bit integers");
            return EXIT_BAD_INPUT;
        }
        if (!score.feasible()) {
            out.println("infeasible");
            score.violations().forEach(v -> out.println(v.toString()));
            out.flush();
            return EXIT_INFEASIBLE;
        }
        out.println("feasible " + score.total());
        out.println(score.parts());
        out.flush();
        return 0;
    }
}
