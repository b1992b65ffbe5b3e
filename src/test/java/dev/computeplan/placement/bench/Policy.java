package dev.computeplan.placement.bench;

/** An online placement rule: where pod p goes in cluster state s, or null to drop it. */
interface Policy {

    Choice choose(ClusterState s, Pod p);

    /** A placement choice: node and the GPUs used (empty for CPU-only pods). */
    record Choice(int node, int[] gpus) {}
}
