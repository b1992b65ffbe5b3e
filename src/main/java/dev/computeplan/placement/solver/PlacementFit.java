package dev.computeplan.placement.solver;

import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.Workload;
import java.util.Collections;
import java.util.List;

/**
 * Questions a search asks about the incremental score's working solution before it scores a move: does a workload
 * fit on a node, which moves are sure to break a hard rule, where would an ejected workload go. Reads the score's
 * sums; changes nothing.
 */
public final class PlacementFit {

    private static final long NO_FIT = Long.MIN_VALUE;
    private final PlacementIncrementalScore score;
    private final NodeRules nodes;
    private final ServiceRules services;

    PlacementFit(PlacementIncrementalScore score, NodeRules nodes, ServiceRules services) {
        this.score = score;
        this.nodes = nodes;
        this.services = services;
    }

    /** Whether resource {@code i} is held on a workload's current node while it runs elsewhere. */
    public boolean isTransient(int i) {
        return nodes.isTransient(i);
    }

    /**
     * True when the working solution keeps every hard rule and moving {@code w} to {@code to} would break node
     * capacity, transient capacity or anti-affinity there: such a move can only lower the score, so local search
     * may skip it unscored. False when unsure (the move is then scored as usual).
     */
    public boolean breaksFeasibleShift(Workload w, Node to) {
        Node from = w.getNode();
        if (to == null || from == null || from == to || !score.hardFeasible()) {
            return false;
        }
        NodeSums t = nodes.sums(to);
        return t != null && !fitsOn(t, w);
    }

    /** As {@link #breaksFeasibleShift}, for exchanging the nodes of {@code a} and {@code b}. */
    public boolean breaksFeasibleSwap(Workload a, Workload b) {
        Node na = a.getNode();
        Node nb = b.getNode();
        if (na == null || nb == null || na == nb || !score.hardFeasible()) {
            return false;
        }
        NodeSums ta = nodes.sums(na);
        NodeSums tb = nodes.sums(nb);
        if (ta == null
                || tb == null
                || overfills(tb, a, b)
                || overfills(ta, b, a)
                || overfillsTransient(tb, a, b)
                || overfillsTransient(ta, b, a)) {
            return true;
        }
        return a.getService() != b.getService() && (hasServiceOn(a, tb) || hasServiceOn(b, ta));
    }

    /** The workloads on {@code node} now (a view; do not keep it across moves). */
    public List<Workload> workloadsOn(Node node) {
        NodeSums t = nodes.sums(node);
        return t == null ? List.of() : Collections.unmodifiableList(t.members);
    }

    /** Whether {@code w} fits on {@code node} now: capacity, transient capacity and anti-affinity there only. */
    public boolean fits(Workload w, Node node) {
        NodeSums t = nodes.sums(node);
        return t != null && w.getNode() != node && fitsOn(t, w);
    }

    private boolean fitsOn(NodeSums t, Workload w) {
        return !overfills(t, w, null) && !overfillsTransient(t, w, null) && !hasServiceOn(w, t);
    }

    /**
     * How much {@code w} would overfill {@code node} now, per resource (0 where it fits), counting the transient
     * hold like {@link PlacementConstraintProvider#TRANSIENT_CAPACITY}.
     */
    public long[] overflow(Workload w, Node node) {
        NodeSums t = nodes.sums(node);
        long[] over = new long[nodes.resources.length];
        if (t == null) {
            return over;
        }
        for (int i = 0; i < over.length; i++) {
            over[i] = Math.max(0L, t.usage[i] + requirement(w, i) - node.capacity(i));
        }
        for (int i : nodes.transientIndexes) {
            long held = t.usage[i] + t.movedOut[i] + (w.getCurrentNode() != node ? requirement(w, i) : 0L);
            over[i] = Math.max(over[i], held - node.capacity(i));
        }
        return over;
    }

    /**
     * Whether {@code w} arriving on {@code node} would break node capacity, transient capacity or anti-affinity
     * there while all three are hard rules. Later arrivals on the node cannot undo that, so a move that starts from
     * a solution breaking no hard rule and only adds to the node from here on ends with a hard loss.
     */
    public boolean breaksHardOn(Workload w, Node node) {
        NodeSums t = nodes.sums(node);
        return t != null && score.fitRulesAreHard() && !fitsOn(t, w);
    }

    /**
     * The node among {@code candidates} (other than {@code excluded}) where {@code w} {@link #fits} with the least rise in
     * load and balance cost (no move costs), {@code preferred} first among equals and otherwise the first; null if it
     * fits nowhere.
     * One pass over the resources per node tests the capacity and sums the load cost together: ejection moves ask
     * this for every workload they eject, over every node.
     */
    public Node cheapestFit(Workload w, List<Node> candidates, Node excluded, Node preferred) {
        Node best = null;
        long bestCost = Long.MAX_VALUE;
        ServiceCounts antiAffine = antiAffine(w);
        for (Node n : candidates) {
            if (n == excluded || n == w.getNode()) {
                continue;
            }
            NodeSums t = nodes.sums(n);
            if (t == null) {
                continue;
            }
            long cost = costIfFits(t, w, antiAffine);
            if (cost != NO_FIT && (cost < bestCost || (cost == bestCost && n == preferred))) {
                best = n;
                bestCost = cost;
            }
        }
        return best;
    }

    /**
     * The rise in load and balance cost of the node if {@code w} were added there when it fits, else NO_FIT.
     * {@code antiAffine} is w's service when it is anti-affine, else null.
     */
    private long costIfFits(NodeSums t, Workload w, ServiceCounts antiAffine) {
        // the fit first, the cost only where it fits: most nodes do not
        if (overfills(t, w, null)
                || overfillsTransient(t, w, null)
                || (antiAffine != null && antiAffine.countOn(t) > 0)) {
            return NO_FIT;
        }
        long[] u = t.usage;
        long[] safety = t.safetyArray;
        long delta = 0L;
        for (int i = 0; i < u.length; i++) {
            long weight = i < nodes.loadWeight.length ? nodes.loadWeight[i] : 0L;
            if (weight != 0L) {
                long after = u[i] + requirement(w, i);
                delta += weight * (Math.max(0L, after - safety[i]) - Math.max(0L, u[i] - safety[i]));
            }
        }
        return delta + balanceRise(t.node, u, w);
    }

    private long balanceRise(Node node, long[] u, Workload w) {
        long delta = 0L;
        for (BalanceObjective b : nodes.balances) {
            int i1 = b.resource1().index();
            int i2 = b.resource2().index();
            long before = b.target() * (node.capacity(i1) - u[i1]) - (node.capacity(i2) - u[i2]);
            long after = b.target() * (node.capacity(i1) - u[i1] - requirement(w, i1))
                    - (node.capacity(i2) - u[i2] - requirement(w, i2));
            delta += b.weight() * (Math.max(0L, after) - Math.max(0L, before));
        }
        return delta;
    }

    /** Whether {@code plus} arriving on the node and {@code minus} (may be null) leaving it exceeds a capacity. */
    private static boolean overfills(NodeSums t, Workload plus, Workload minus) {
        long[] u = t.usage;
        long[] cap = t.capacityArray;
        int tight = t.tightest;
        if (u.length > 0 && u[tight] + requirement(plus, tight) - requirement(minus, tight) > cap[tight]) {
            return true;
        }
        for (int i = 0; i < u.length; i++) {
            long after = u[i] + requirement(plus, i) - requirement(minus, i);
            if (after > cap[i]) {
                t.tightest = i;
                return true;
            }
        }
        return false;
    }

    private boolean overfillsTransient(NodeSums t, Workload plus, Workload minus) {
        Node node = t.node;
        for (int i : nodes.transientIndexes) {
            // held = running here plus moved away from here; an arrival whose current node is this one and a
            // departure from its current node leave the held amount unchanged
            long held = t.usage[i] + t.movedOut[i];
            if (plus.getCurrentNode() != node) {
                held += requirement(plus, i);
            }
            if (minus != null && minus.getCurrentNode() != node) {
                held -= requirement(minus, i);
            }
            if (held > node.capacity(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasServiceOn(Workload w, NodeSums t) {
        ServiceCounts antiAffine = antiAffine(w);
        return antiAffine != null && antiAffine.countOn(t) > 0;
    }

    private ServiceCounts antiAffine(Workload w) {
        Service service = w.getService();
        return service != null && service.antiAffinity() ? services.service(service) : null;
    }

    private static long requirement(Workload w, int r) {
        return w == null || r >= w.resourceCount() ? 0L : w.requirement(r);
    }
}
