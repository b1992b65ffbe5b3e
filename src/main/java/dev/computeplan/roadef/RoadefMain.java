package dev.computeplan.roadef;

import dev.computeplan.placement.search.SolverLogging;
import java.lang.management.ManagementFactory;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs {@code roadef score|solve} without the Spring application, e.g. from benchmarks/roadef.sh. */
public final class RoadefMain {

    private RoadefMain() {}

    public static void main(String[] args) {
        long processStart =
                System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
        quietLogging();
        CommandLine cli = new CommandLine(new RoadefCommand());
        if (cli.getSubcommands().get("solve").getCommand() instanceof RoadefSolveCommand solve) {
            solve.startedAt(processStart);
        }
        System.exit(cli.execute(args));
    }

    /** The {@code roadef} commands, with {@code solve}'s time limit counted from the process's start. */
    public static CommandLine commandLine() {
        long processStart =
                System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
        CommandLine cli = new CommandLine(new RoadefCommand());
        if (cli.getSubcommands().get("solve").getCommand() instanceof RoadefSolveCommand solve) {
            solve.startedAt(processStart);
        }
        return cli;
    }

    /**
     * Without Spring's logging set-up Logback logs everything at DEBUG. Keep warnings, plus Timefold's one-line
     * "Solving ended ... move evaluation speed" summary, which benchmarks/roadef.sh reports.
     */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            context.getLogger(SolverLogging.SOLVE_SUMMARY).setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }
}
