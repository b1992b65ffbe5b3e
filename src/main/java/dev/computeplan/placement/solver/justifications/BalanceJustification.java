package dev.computeplan.placement.solver.justifications;

/** A node's free resources are out of balance: target x free(resource1) exceeds free(resource2). */
public record BalanceJustification(
        String nodeId,
        String balanceId,
        long free1,
        long free2,
        long target,
        long shortfall,
        long weight,
        String description)
        implements PlacementJustification {}
