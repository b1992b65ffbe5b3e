package dev.computeplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.SimpleSolveControl;
import dev.computeplan.jobs.ParsedRequest;
import dev.computeplan.jobs.ProblemKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "solve",
        mixinStandardHelpOptions = true,
        description =
                "Solve a problem file (a request body as for POST /api/v1/KIND/jobs) and print or write the solution.")
class SolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProblemFile input;

    @Option(names = "--seconds", description = "time limit (overrides the file's termination)")
    Integer seconds;

    @Option(names = "--output", description = "write the solution JSON here instead of standard output")
    Path output;

    private final CliSupport support;

    SolveCommand(CliSupport support) {
        this.support = support;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return CliSupport.guarded(err, () -> solve(support.kind(input.kind), err));
    }

    private <P, S> int solve(ProblemKind<P, S> k, PrintWriter err) throws Exception {
        JsonNode body = support.readJson(input.file);
        if (seconds != null && body instanceof ObjectNode object) {
            object.putObject("termination").put("seconds", seconds);
        }
        ParsedRequest<P> request = support.reader.read(k, body);
        Duration limit = request.timeLimit();
        SimpleSolveControl control = new SimpleSolveControl(limit).listener((solution, score) -> {
            err.println("best: " + score);
            err.flush();
        });
        Thread hook = new Thread(control::requestStop);
        Runtime.getRuntime().addShutdownHook(hook);
        ProblemKind.Solved<S> solved;
        try {
            solved = k.solve(request.problem(), null, control);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
        String json = support.mapper.writerWithDefaultPrettyPrinter().writeValueAsString(solved.solution());
        if (output != null) {
            Files.writeString(output, json);
        } else {
            spec.commandLine().getOut().println(json);
            spec.commandLine().getOut().flush();
        }
        err.println("score: " + solved.score());
        err.flush();
        return 0;
    }
}
