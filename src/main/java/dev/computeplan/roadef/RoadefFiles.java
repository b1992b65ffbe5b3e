package dev.computeplan.roadef;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The two files every ROADEF command reads: the instance and its initial assignment. */
class RoadefFiles {

    @Option(names = "--model", required = true, description = "model_X.txt")
    Path model;

    @Option(names = "--assignment", required = true, description = "assignment_X.txt (initial assignment)")
    Path assignment;
}
