package dev.computeplan.placement.solver;

import dev.computeplan.placement.domain.Node;

/**
 * Resources still held on {@code node} by workloads that currently run there but are being moved elsewhere.
 *
 * @param node  the old node
 * @param usage per-resource sum of the moving workloads' requirements
 */
public record MovedOutLoad(Node node, long[] usage) {

    public long usage(int r) {
        return usage[r];
    }
}
