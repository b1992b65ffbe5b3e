package dev.computeplan.cli;

import dev.computeplan.jobs.ProblemKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description =
                "Explain a solution (as written by 'solve') of a problem file: the same explanation as the API's.")
class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProblemFile input;

    @Option(names = "--solution", required = true, description = "JSON solution file written by 'solve --output'")
    Path solution;

    private final CliSupport support;

    ExplainCommand(CliSupport support) {
        this.support = support;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return CliSupport.guarded(err, () -> explain(support.kind(input.kind)));
    }

    private <P, S> int explain(ProblemKind<P, S> k) throws Exception {
        P problem = support.reader.read(k, support.readJson(input.file)).problem();
        S sol = support.mapper.readValue(Files.readString(solution), k.solutionType());
        Object explanation = k.explain(problem, sol);
        PrintWriter out = spec.commandLine().getOut();
        out.println(support.mapper.writerWithDefaultPrettyPrinter().writeValueAsString(explanation));
        out.flush();
        return 0;
    }
}
