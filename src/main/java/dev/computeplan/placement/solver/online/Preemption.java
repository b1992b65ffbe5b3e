package dev.computeplan.placement.solver.online;

import dev.computeplan.placement.domain.Workload;
import java.util.List;

/**
 * Where preemption plugs into an online decision: asked only when the arriving workloads found no room, it names
 * the running workloads whose eviction would make room. The decision reports them; it evicts nothing itself.
 */
@FunctionalInterface
public interface Preemption {

    /** No preemption: a workload that finds no room stays pending. */
    Preemption NONE = (cluster, arriving) -> List.of();

    List<String> victims(OnlineCluster cluster, List<Workload> arriving);
}
