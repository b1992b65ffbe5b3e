package dev.computeplan.cli;

import dev.computeplan.common.Violation;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "List the problems of a problem file without solving it; exit code 0 when valid, 1 when not.")
class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProblemFile input;

    private final CliSupport support;

    ValidateCommand(CliSupport support) {
        this.support = support;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        return CliSupport.guarded(err, () -> {
            List<Violation> problems =
                    support.reader.problemsOf(support.kind(input.kind), support.readJson(input.file));
            PrintWriter out = spec.commandLine().getOut();
            if (problems.isEmpty()) {
                out.println("valid");
                out.flush();
                return 0;
            }
            CliSupport.printViolations(out, "invalid: " + problems.size() + " problem(s)", problems);
            return 1;
        });
    }
}
