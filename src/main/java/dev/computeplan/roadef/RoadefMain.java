package dev.computeplan.roadef;

import dev.computeplan.placement.search.SolverLogging;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Runs {@code roadef score|solve} without the Spring application, e.g. from benchmarks/roadef.sh. */
public final class RoadefMain {

    private RoadefMain() {}

    public static void main(String[] args) {
        quietLogging();
        System.exit(new CommandLine(new RoadefCommand()).execute(args));
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
