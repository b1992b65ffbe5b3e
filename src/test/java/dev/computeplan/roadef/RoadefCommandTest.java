package dev.computeplan.roadef;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RoadefCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RoadefCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path[] tinyFiles(String solution) throws Exception {
        Path model = Files.writeString(dir.resolve("model.txt"), RoadefTestData.TINY_MODEL);
        Path assignment = Files.writeString(dir.resolve("assignment.txt"), RoadefTestData.TINY_ASSIGNMENT);
        Path sol = Files.writeString(dir.resolve("solution.txt"), solution);
        return new Path[] {model, assignment, sol};
    }

    @Test
    void scoresAFeasibleSolutionWithItsFiveParts() throws Exception {
        Path[] f = tinyFiles("0 1 0 1 0\n");
        Run run = run(
                "score", "--model", f[0].toString(), "--assignment", f[1].toString(), "--solution", f[2].toString());
        assertThat(run.exit()).isZero();
        assertThat(run.lines())
                .containsExactly(
                        "feasible 4384", "load 1, balance 75, process move 108, service move 200, machine move 4000");
    }

    @Test
    void reportsEachViolationAndExitsOne() throws Exception {
        Path[] f = tinyFiles("0 1 0 2 2\n");
        Run run = run(
                "score", "--model", f[0].toString(), "--assignment", f[1].toString(), "--solution", f[2].toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines())
                .containsExactly("infeasible", "conflict: service 2: processes 3 and 4 are both on machine 2");
    }

    @Test
    void unreadableSolutionExitsTwoWithTheReason() throws Exception {
        Path[] f = tinyFiles("0 1 0\n");
        Run run = run(
                "score", "--model", f[0].toString(), "--assignment", f[1].toString(), "--solution", f[2].toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("machine of process 3");
    }

    @Test
    void solvesWritesAFeasibleSolutionAndPrintsItsCostLast() throws Exception {
        Path data = RoadefTestData.setA();
        Path output = dir.resolve("a1_1.sol");
        Run run = run(
                "solve",
                "--model",
                data.resolve("model_a1_1.txt").toString(),
                "--assignment",
                data.resolve("assignment_a1_1.txt").toString(),
                "--output",
                output.toString(),
                "--seconds",
                "120",
                "--seed",
                "5",
                "--steps",
                "3000");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.lines();
        long printed = Long.parseLong(lines.get(lines.size() - 1));
        RoadefInstance in = RoadefTestData.load("a1_1");
        RoadefScore written = RoadefScorer.score(in, RoadefReader.readSolution(output, in));
        assertThat(written.feasible()).isTrue();
        assertThat(printed).isEqualTo(written.total()).isLessThan(RoadefTestData.originalCost("a1_1"));
        assertThat(lines.get(0)).isEqualTo("initial " + RoadefTestData.originalCost("a1_1"));
    }

    @Test
    @Tag("slow") // the ROADEF solvers stop on the clock only
    void solvesWithThePlacementEngineByDefault() throws Exception {
        Path[] f = tinyFiles("0 1 0 2 1\n");
        Path output = dir.resolve("tiny.sol");
        Run run = run(
                "solve",
                "--model",
                f[0].toString(),
                "--assignment",
                f[1].toString(),
                "--output",
                output.toString(),
                "--seconds",
                "1",
                "--threads",
                "1");
        assertThat(run.exit()).as(run.err()).isZero();
        // the tiny optimum is the initial assignment (RoadefScorerTest: every move costs more than it saves): 70
        assertThat(run.lines()).contains("initial 70", "feasible 70");
        assertThat(run.lines().get(run.lines().size() - 1)).isEqualTo("70");
        assertThat(java.nio.file.Files.readString(output)).isEqualTo("0 1 0 2 1\n");
    }

    @Test
    void rejectsANegativeStepLimitAndBadTimeLimit() throws Exception {
        Path[] f = tinyFiles("0 1 0 2 1\n");
        Run unknown = run(
                "solve",
                "--model",
                f[0].toString(),
                "--assignment",
                f[1].toString(),
                "--output",
                dir.resolve("o.txt").toString(),
                "--seconds",
                "1",
                "--steps",
                "-1");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--steps must be >= 0");
        Run negative = run(
                "solve",
                "--model",
                f[0].toString(),
                "--assignment",
                f[1].toString(),
                "--output",
                dir.resolve("o.txt").toString(),
                "--seconds",
                "-1");
        assertThat(negative.exit()).isEqualTo(2);
    }

    @Test
    void costBeyond64BitsIsAnErrorNotAWrongNumber() throws Exception {
        // balance target and weight 2^40: 2^40 * (2^40 * free - free) does not fit in a long
        Path model = Files.writeString(
                dir.resolve("huge.txt"),
                RoadefTestData.TINY_MODEL.replace("0 1 2\n5\n", "0 1 1099511627776\n1099511627776\n"));
        Path assignment = Files.writeString(dir.resolve("assignment.txt"), RoadefTestData.TINY_ASSIGNMENT);
        Run run = run(
                "score",
                "--model",
                model.toString(),
                "--assignment",
                assignment.toString(),
                "--solution",
                assignment.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("does not fit in 64-bit");
    }

    @Test
    void missingOptionIsAUsageError() {
        Run run = run("score", "--model", "m.txt");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options");
    }
}
