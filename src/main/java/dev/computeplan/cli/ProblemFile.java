package dev.computeplan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The two positional arguments of solve, validate and explain: a problem kind and a JSON problem file. */
class ProblemFile {

    @Parameters(index = "0", description = "problem kind: placement, procurement or power")
    String kind;

    @Parameters(index = "1", description = "JSON problem file (a request body as for POST /api/v1/KIND/jobs)")
    Path file;
}
