package dev.computeplan.cli;

import dev.computeplan.jobs.ProblemKind;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "kinds", mixinStandardHelpOptions = true, description = "List the problem kinds this build can solve.")
class KindsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final CliSupport support;

    KindsCommand(CliSupport support) {
        this.support = support;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ProblemKind<?, ?> k : support.kinds.all()) {
            out.println(k.name() + "\t" + k.solverName());
        }
        out.flush();
        return 0;
    }
}
