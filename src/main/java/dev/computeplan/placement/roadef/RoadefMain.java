package dev.computeplan.placement.roadef;

import picocli.CommandLine;

/** Runs {@code roadef score|solve} without the Spring application, e.g. from benchmarks/roadef.sh. */
public final class RoadefMain {

    private RoadefMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RoadefCommand()).execute(args));
    }
}
