package dev.computeplan.placement.bench;

import java.util.Arrays;
import java.util.List;

/** The simulated cluster: free CPU and memory, milli used per GPU and the GPU model of every node. */
final class ClusterState {

    final long[] cpuFree;
    final long[] memFree;
    final int[][] gpuUsed;
    final String[] model;
    long allocated;

    /** @param nodes rows of the node list: name, cpu, memory, GPUs, GPU model */
    ClusterState(List<String[]> nodes) {
        int n = nodes.size();
        cpuFree = new long[n];
        memFree = new long[n];
        gpuUsed = new int[n][];
        model = new String[n];
        for (int i = 0; i < n; i++) {
            String[] f = nodes.get(i);
            cpuFree[i] = Long.parseLong(f[1]);
            memFree[i] = Long.parseLong(f[2]);
            gpuUsed[i] = new int[Integer.parseInt(f[3])];
            model[i] = f[4];
        }
    }

    long gpuCapacityMilli() {
        long capacity = 0;
        for (int[] g : gpuUsed) {
            capacity += g.length * 1000L;
        }
        return capacity;
    }

    void apply(Pod p, Policy.Choice c) {
        cpuFree[c.node()] -= p.cpu();
        memFree[c.node()] -= p.mem();
        for (int g : c.gpus()) {
            gpuUsed[c.node()][g] += p.share() ? p.milli() : 1000;
        }
        allocated += p.gpuMilli();
    }

    /** The GPUs pod p would take on node n (best-fit GPU for a share, lowest free GPUs for whole), or null. */
    int[] gpuChoice(int n, Pod p) {
        if (p.cpu() > cpuFree[n] || p.mem() > memFree[n]) {
            return null;
        }
        if (p.gpus() == 0) {
            return new int[0];
        }
        if (p.spec().length > 0 && !Arrays.asList(p.spec()).contains(model[n])) {
            return null;
        }
        int[] used = gpuUsed[n];
        if (p.share()) {
            int best = -1;
            for (int g = 0; g < used.length; g++) {
                if (used[g] + p.milli() <= 1000 && (best < 0 || used[g] > used[best])) {
                    best = g;
                }
            }
            return best < 0 ? null : new int[] {best};
        }
        int[] out = new int[p.gpus()];
        int k = 0;
        for (int g = 0; g < used.length && k < out.length; g++) {
            if (used[g] == 0) {
                out[k++] = g;
            }
        }
        return k == out.length ? out : null;
    }
}
