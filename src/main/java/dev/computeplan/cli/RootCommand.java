package dev.computeplan.cli;

import picocli.CommandLine.Command;

@Command(
        name = "computeplan",
        mixinStandardHelpOptions = true,
        version = "computeplan 0.1",
        description = "Solve and explain placement, procurement and power problems from JSON files.",
        subcommands = {
            SolveCommand.class,
            ValidateCommand.class,
            ExplainCommand.class,
            KindsCommand.class,
            dev.computeplan.roadef.RoadefCommand.class
        })
class RootCommand {}
