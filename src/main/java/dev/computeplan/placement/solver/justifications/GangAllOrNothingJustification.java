package dev.computeplan.placement.solver.justifications;

/** Only part of a gang is placed. */
public record GangAllOrNothingJustification(
        String gangId, int assignedMembers, int members, int missing, String description)
        implements PlacementJustification {}
