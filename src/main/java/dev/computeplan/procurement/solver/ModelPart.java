package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Throughput;
import java.util.Arrays;

/**
 * What the procurement model and its constraint families share: the problem, the program being built and the index
 * of every variable (-1 where the variable does not exist). Indices: k SKU, s site, q quarter, w workload, e group.
 */
abstract class ModelPart {

    final ProcurementProblem p;
    final Throughput t;
    final LinearProgram lp;
    final int nk;
    final int ns;
    final int nq;
    final int nw;
    final int[][][] buy;
    final int[][][] lease;
    final int[][][] keep;
    final int[][][] srv;
    final int[][][] use;
    final int[][][] own;
    final int[][][] cloud;

    /** A new, empty program for the problem with no variables yet. */
    ModelPart(ProcurementProblem problem) {
        this.p = problem;
        this.t = Throughput.of(problem);
        this.lp = new LinearProgram();
        nk = p.catalogue().size();
        ns = p.sites().size();
        nq = p.horizonQuarters();
        nw = p.workloads().size();
        buy = filled(nk, ns, nq);
        lease = filled(nk, ns, nq);
        keep = new int[ns][][];
        for (int s = 0; s < ns; s++) {
            keep[s] = filled2(p.sites().get(s).existingFleet().size(), nq);
        }
        srv = filled(nk, ns, nq);
        use = filled(nk, ns, nq);
        own = filled(nw, nk, nq);
        cloud = filled(nw, nk, nq);
    }

    /** A family working on the same program and variables as {@code model}. */
    ModelPart(ModelPart model) {
        p = model.p;
        t = model.t;
        lp = model.lp;
        nk = model.nk;
        ns = model.ns;
        nq = model.nq;
        nw = model.nw;
        buy = model.buy;
        lease = model.lease;
        keep = model.keep;
        srv = model.srv;
        use = model.use;
        own = model.own;
        cloud = model.cloud;
    }

    /** A number with at most 4 significant digits and no trailing zeros, for sentences. */
    static String short4(double value) {
        return new java.math.BigDecimal(value)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static int[][][] filled(int a, int b, int c) {
        int[][][] out = new int[a][b][c];
        for (int[][] x : out) {
            for (int[] y : x) {
                Arrays.fill(y, -1);
            }
        }
        return out;
    }

    private static int[][] filled2(int a, int b) {
        int[][] out = new int[a][b];
        for (int[] y : out) {
            Arrays.fill(y, -1);
        }
        return out;
    }
}
