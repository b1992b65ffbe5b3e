package dev.computeplan.placement.explain;

import java.util.List;

/**
 * Why a gang is pending and what would make room for it, in an operator's terms.
 *
 * @param gang          the gang
 * @param topology      ANY, SAME_RACK or SAME_NETWORK_DOMAIN
 * @param members       its member workloads
 * @param placedMembers members the solution places (all or none in a feasible solution)
 * @param blockingRule  {@code none} when placed; else {@code capacity} (the cluster lacks free GPUs or resources of
 *                      the members' kind), {@code topology} (the cluster has them, no single rack or domain does),
 *                      {@code fragmentation} (there are enough free GPUs, in pieces too small for a member) or
 *                      {@code otherRule} (it fits by capacity; another hard rule holds it back: see a member's
 *                      recommendations)
 * @param gpusNeeded    GPUs the members ask for in all
 * @param gpusFree      free GPUs of the types the members accept, on nodes that take new work
 * @param gpuShortfall  GPUs missing in the cluster, 0 when the blocking rule is not capacity
 * @param domains       the racks or domains (the whole cluster for ANY) closest to holding the gang, best first
 * @param summary       one sentence
 */
public record GangAdvice(
        String gang,
        String topology,
        int members,
        int placedMembers,
        String blockingRule,
        double gpusNeeded,
        double gpusFree,
        double gpuShortfall,
        List<Domain> domains,
        String summary) {

    /**
     * @param domain        rack, network domain, or {@code cluster}
     * @param membersThatFit members that fit there now, by capacity, GPU count and type
     * @param gpusFree      free GPUs there of the types the members accept
     * @param holders       the running workloads whose leaving would make room, fewest and least important first
     * @param moves         where each holder could go instead, when every one of them fits elsewhere
     * @param evictable     true when every holder has a lower priority than the gang, as preemption requires
     * @param sentence      what would make the gang fit here
     */
    public record Domain(
            String domain,
            int membersThatFit,
            double gpusFree,
            List<Holder> holders,
            List<Move> moves,
            boolean evictable,
            String sentence) {}

    /** A running workload in the way. */
    public record Holder(String workload, String node, long priority, double gpus) {}

    /** A holder's way out: a node outside the domain where it fits. */
    public record Move(String workload, String from, String to) {}
}
