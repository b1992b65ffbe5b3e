package dev.computeplan.placement.solver.justifications;

/** A gang is spread over more than one rack or network domain. */
public record GangTopologyJustification(String gangId, String topology, int domains, String description)
        implements PlacementJustification {}
