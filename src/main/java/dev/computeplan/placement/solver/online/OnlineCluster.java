package dev.computeplan.placement.solver.online;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running cluster as the online policy sees it: the batch engine's incremental score over the running workloads
 * (every rule, every weight) plus the GPU each running workload actually holds, since a bound workload keeps its
 * GPUs while the engine's score re-packs shares. Not thread-safe: the owner serialises access.
 */
public final class OnlineCluster {

    private final PlacementSolution solution;
    private final PlacementIncrementalScore score = new PlacementIncrementalScore();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Workload> running = new LinkedHashMap<>();
    private final Map<String, int[]> gpusOf = new LinkedHashMap<>();
    /** Milli-GPU in use per node index and GPU. */
    private final int[][] used;

    /**
     * @param solution  nodes and running workloads (those on a node), as the placement mapper builds them
     * @param knownGpus the GPU indices each running workload holds, where known; the others are given GPUs here
     */
    public OnlineCluster(PlacementSolution solution, Map<String, int[]> knownGpus) {
        this.solution = solution;
        used = new int[solution.getNodes().size()][];
        for (Node n : solution.getNodes()) {
            nodes.put(n.getId(), n);
            used[n.getIndex()] = new int[n.getGpuCount()];
        }
        score.resetWorkingSolution(solution);
        List<Workload> placed =
                solution.getWorkloads().stream().filter(Workload::isAssigned).toList();
        for (Workload w : placed) {
            int[] gpus = knownGpus.get(w.getId());
            if (gpus != null && holds(w.getNode(), w, gpus)) {
                take(w, gpus);
            }
        }
        for (Workload w : placed) {
            running.put(w.getId(), w);
            if (!gpusOf.containsKey(w.getId())) {
                int[] gpus = gpuChoice(w.getNode(), w);
                // demand the layout cannot hold (an overfull node as reported) holds no index
                take(w, gpus == null ? new int[0] : gpus);
            }
        }
    }

    public Node node(String id) {
        return nodes.get(id);
    }

    public Collection<Node> nodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public Workload workload(String id) {
        return running.get(id);
    }

    public Collection<Workload> workloads() {
        return Collections.unmodifiableCollection(running.values());
    }

    /** The GPU indices a running workload holds (empty for none). */
    public int[] gpus(String workloadId) {
        int[] g = gpusOf.get(workloadId);
        return g == null ? new int[0] : g.clone();
    }

    public PlacementSolution solution() {
        return solution;
    }

    public HardMediumSoftLongScore score() {
        return score.calculateScore();
    }

    PlacementIncrementalScore incremental() {
        return score;
    }

    /**
     * Adds a running workload on its node with the given GPUs (null: chosen here as a decision would).
     *
     * @throws IllegalArgumentException when its node is unknown, or the GPUs are not free for it
     */
    public int[] bind(Workload w, int[] gpus) {
        Node node = w.getNode();
        if (node == null || nodes.get(node.getId()) != node) {
            throw new IllegalArgumentException("workload " + w.getId() + " names no node of this cluster");
        }
        int[] chosen = gpus == null ? gpuChoice(node, w) : gpus;
        if (chosen == null || !holds(node, w, chosen)) {
            throw new IllegalArgumentException("the GPUs asked for " + w.getId() + " are not free on " + node.getId());
        }
        score.afterEntityAdded(w);
        running.put(w.getId(), w);
        take(w, chosen);
        return chosen.clone();
    }

    /** Removes a running workload; returns it, or null when it is not running. */
    public Workload finish(String id) {
        Workload w = running.remove(id);
        if (w == null) {
            return null;
        }
        score.beforeEntityRemoved(w);
        release(w);
        return w;
    }

    /** The GPUs {@code w} would take on {@code node} on the actual layout (lowest free ones; a share best-fit). */
    int[] gpuChoice(Node node, Workload w) {
        int[] u = used[node.getIndex()];
        if (w.getGpus() > 0) {
            int[] out = new int[w.getGpus()];
            int k = 0;
            for (int g = 0; g < u.length && k < out.length; g++) {
                if (u[g] == 0) {
                    out[k++] = g;
                }
            }
            return k == out.length ? out : null;
        }
        if (w.getGpuMilli() > 0) {
            int best = -1;
            for (int g = 0; g < u.length; g++) {
                if (u[g] + w.getGpuMilli() <= GpuPacking.MILLI_PER_GPU && (best < 0 || u[g] > u[best])) {
                    best = g;
                }
            }
            return best < 0 ? null : new int[] {best};
        }
        return new int[0];
    }

    /** Whether {@code gpus} are a valid and free choice for {@code w} on {@code node}. */
    boolean holds(Node node, Workload w, int[] gpus) {
        int[] u = used[node.getIndex()];
        int want = w.getGpus() > 0 ? w.getGpus() : w.getGpuMilli() > 0 ? 1 : 0;
        if (gpus.length != want) {
            return false;
        }
        for (int i = 0; i < gpus.length; i++) {
            int g = gpus[i];
            if (g < 0 || g >= u.length || (i > 0 && gpus[i - 1] >= g)) {
                return false;
            }
            int milli = w.getGpus() > 0 ? GpuPacking.MILLI_PER_GPU : w.getGpuMilli();
            if (w.getGpus() > 0 ? u[g] != 0 : u[g] + milli > GpuPacking.MILLI_PER_GPU) {
                return false;
            }
        }
        return true;
    }

    /** Marks the GPUs as held by {@code w} on its node (a tentative placement takes them too). */
    void take(Workload w, int[] gpus) {
        int[] u = used[w.getNode().getIndex()];
        for (int g : gpus) {
            u[g] += w.getGpus() > 0 ? GpuPacking.MILLI_PER_GPU : w.getGpuMilli();
        }
        gpusOf.put(w.getId(), gpus);
    }

    /** Gives back what {@link #take} took. */
    void release(Workload w) {
        int[] gpus = gpusOf.remove(w.getId());
        if (gpus == null || w.getNode() == null) {
            return;
        }
        int[] u = used[w.getNode().getIndex()];
        for (int g : gpus) {
            u[g] -= w.getGpus() > 0 ? GpuPacking.MILLI_PER_GPU : w.getGpuMilli();
        }
    }

    /** Milli-GPU in use on every GPU of the node (a copy). */
    public int[] gpuUse(Node node) {
        return used[node.getIndex()].clone();
    }
}
