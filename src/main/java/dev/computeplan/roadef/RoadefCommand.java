package dev.computeplan.roadef;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code roadef score|solve}: ROADEF/EURO 2012 machine reassignment files on the command line.
 * Runnable on its own with {@code new CommandLine(new RoadefCommand()).execute(args)}.
 */
@Command(
        name = "roadef",
        mixinStandardHelpOptions = true,
        description = "ROADEF/EURO 2012 machine reassignment: score or solve an instance.",
        subcommands = {RoadefScoreCommand.class, RoadefSolveCommand.class})
public class RoadefCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
