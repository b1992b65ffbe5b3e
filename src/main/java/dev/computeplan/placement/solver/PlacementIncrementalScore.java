package dev.computeplan.placement.solver;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;
import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Rack;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.ServiceDependency;
import dev.computeplan.placement.domain.SpareReserve;
import dev.computeplan.placement.domain.Workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static dev.computeplan.placement.solver.PlacementConstraintProvider.*;

/**
 * The same rules as {@link PlacementConstraintProvider}, kept by hand: per node running sums, per service and per
 * gang counters, and one running amount per rule, so a move costs O(resources + balance objectives) with no
 * allocation. The solver scores with this because constraint streams spend most of a move propagating tuples
 * (measured ~20x slower on ROADEF-sized clusters); the constraint provider stays the reference: explanations,
 * recommendations and the assertion score director in tests use it, and tests require both to agree.
 */
public final class PlacementIncrementalScore implements IncrementalScoreCalculator<PlacementSolution, HardMediumSoftLongScore> {

    private static final int RULES = NAMES.size();
    private static final int I_NODE_CAPACITY = NAMES.indexOf(NODE_CAPACITY);
    private static final int I_TRANSIENT = NAMES.indexOf(TRANSIENT_CAPACITY);
    private static final int I_GPU_CAPACITY = NAMES.indexOf(GPU_CAPACITY);
    private static final int I_GPU_TYPE = NAMES.indexOf(GPU_TYPE);
    private static final int I_NODE_STATE = NAMES.indexOf(NODE_STATE);
    private static final int I_ANTI_AFFINITY = NAMES.indexOf(ANTI_AFFINITY);
    private static final int I_SPREAD = NAMES.indexOf(SPREAD);
    private static final int I_DEPENDENCY = NAMES.indexOf(DEPENDENCY);
    private static final int I_GANG = NAMES.indexOf(GANG_ALL_OR_NOTHING);
    private static final int I_GANG_TOPOLOGY = NAMES.indexOf(GANG_TOPOLOGY);
    private static final int I_RACK_POWER = NAMES.indexOf(RACK_POWER);
    private static final int I_SPARE = NAMES.indexOf(SPARE_RESERVE);
    private static final int I_UNASSIGNED = NAMES.indexOf(UNASSIGNED);
    private static final int I_PROCESS_MOVE = NAMES.indexOf(PROCESS_MOVE);
    private static final int I_SERVICE_MOVE = NAMES.indexOf(SERVICE_MOVE);
    private static final int I_MACHINE_MOVE = NAMES.indexOf(MACHINE_MOVE);
    private static final int I_LOAD_COST = NAMES.indexOf(LOAD_COST);
    private static final int I_BALANCE = NAMES.indexOf(BALANCE);
    private static final int I_FRAGMENTATION = NAMES.indexOf(FRAGMENTATION);
    private static final int I_PREFERRED = NAMES.indexOf(PREFERRED_GPU_TYPE);
    private static final int I_POWER = NAMES.indexOf(POWER_DRAW);
    private static final int I_GPU_CLASS_BALANCE = NAMES.indexOf(GPU_CLASS_BALANCE);
    private static final int[] NO_SHARES = new int[0];
    private static final long NO_FIT = Long.MIN_VALUE;
    /**
     * Per-node counts of an anti-affine service live in an array (an index instead of a hash lookup on every move)
     * while nodes x services stays under this many cells (64 MB), else in a map.
     */
    private static final long PER_NODE_ARRAY_CELLS = 16_000_000L;

    /** Running amount of each rule (before its weight), indexed like {@link PlacementConstraintProvider#NAMES}. */
    private final long[] amount = new long[RULES];
    private final long[] hardWeight = new long[RULES];
    private final long[] mediumWeight = new long[RULES];
    private final long[] softWeight = new long[RULES];

    private Resource[] resources;
    /** Indexes of the resources held on a workload's current node while it runs elsewhere. */
    private int[] transientIndexes;
    private boolean[] transientByIndex;
    private BalanceObjective[] balances;
    private FragmentationProbe[] probes;
    private Map<Node, NodeAcc> nodes;
    /** The same accumulators by node index, for the hot path (a node whose index slot holds another node uses the map). */
    private NodeAcc[] byIndex;
    /** Load cost weight by resource index (0 for none). */
    private long[] loadWeight;
    /** Whether no hard rule is broken, computed on demand after each change (-1 = unknown, 0 = no, 1 = yes). */
    private int feasible = -1;
    private Map<Rack, long[]> rackDraw;
    private Map<String, ZoneAcc> zones;
    /** Zone numbers (per-zone arrays index by them). */
    private Map<String, Integer> zoneNumbers;
    private Map<Service, ServiceAcc> services;
    private Map<Gang, GangAcc> gangs;
    /** Services by number of moved workloads, for the maximum (service move rule). */
    private int[] movedHistogram;
    private int maxMoved;

    private final long perNodeArrayCells;

    public PlacementIncrementalScore() {
        this(PER_NODE_ARRAY_CELLS);
    }

    /** With another limit for per-node arrays (0: maps always, the large-cluster path). */
    public PlacementIncrementalScore(long perNodeArrayCells) {
        this.perNodeArrayCells = perNodeArrayCells;
    }

    @Override
    public void resetWorkingSolution(PlacementSolution solution) {
        feasible = -1;
        java.util.Arrays.fill(amount, 0L);
        readWeights(solution.getConstraintWeightOverrides());
        resources = solution.getResources().toArray(Resource[]::new);
        transientIndexes = solution.getResources().stream().filter(Resource::transientUsage).mapToInt(Resource::index)
                .toArray();
        transientByIndex = new boolean[java.util.Arrays.stream(transientIndexes).max().orElse(-1) + 1];
        for (int i : transientIndexes) {
            if (i >= 0) {
                transientByIndex[i] = true;
            }
        }
        balances = solution.getBalanceObjectives().stream().filter(b -> b.weight() != 0).toArray(BalanceObjective[]::new);
        probes = solution.getFragmentationProbes().toArray(FragmentationProbe[]::new);
        rackDraw = new IdentityHashMap<>();
        zones = new HashMap<>();
        for (SpareReserve reserve : solution.getSpareReserves()) {
            zones.computeIfAbsent(reserve.zone(), z -> new ZoneAcc()).reserves.add(reserve.gpus());
        }
        for (Node node : solution.getNodes()) {
            if (sparesCount(node)) {
                zones.computeIfAbsent(node.getZone(), z -> new ZoneAcc()).present = true;
            }
        }
        // Every zone starts with no free GPU counted; refreshing each node below adds its free GPUs.
        for (ZoneAcc zone : zones.values()) {
            amount[I_SPARE] += zone.shortfall();
        }
        Map<String, Integer> domains = new HashMap<>();
        zoneNumbers = new HashMap<>();
        Map<String, GpuClassAcc> gpuClasses = new HashMap<>();
        for (Node node : solution.getNodes()) {
            if (node.getGpuCount() > 0) {
                gpuClasses.computeIfAbsent(GpuClassBalance.gpuClass(node),
                        c -> new GpuClassAcc(GpuClassBalance.popularity(List.of(probes), node.getGpuType()))).capacityMilli +=
                        node.getGpuCount() * 1000L;
            }
        }
        nodes = new IdentityHashMap<>();
        byIndex = new NodeAcc[solution.getNodes().size()];
        loadWeight = new long[resources.length];
        for (Resource r : resources) {
            if (r.index() >= 0 && r.index() < loadWeight.length) {
                loadWeight[r.index()] = r.loadCostWeight();
            }
        }
        int[] gpuMirrors = solution.getResources().stream().filter(Resource::gpuMirror).mapToInt(Resource::index).toArray();
        for (Node node : solution.getNodes()) {
            NodeAcc acc = new NodeAcc(node, nodes.size(),
                    domains.computeIfAbsent(node.getNetworkDomain(), d -> domains.size()),
                    zoneNumbers.computeIfAbsent(node.getZone(), z -> zoneNumbers.size()),
                    node.getGpuCount() > 0 ? gpuClasses.get(GpuClassBalance.gpuClass(node)) : null);
            for (int r : gpuMirrors) {
                acc.capacityArray[r] = Long.MAX_VALUE; // the GPU rule counts its excess, node capacity does not
            }
            nodes.put(node, acc);
            int i = node.getIndex();
            if (i >= 0 && i < byIndex.length && byIndex[i] == null) {
                byIndex[i] = acc;
            }
            refresh(acc);
        }
        int domainCount = domains.size();
        services = new IdentityHashMap<>();
        int slots = (long) nodes.size() * solution.getServices().size() <= perNodeArrayCells ? nodes.size() : 0;
        for (Service service : solution.getServices()) {
            services.put(service, new ServiceAcc(service, slots, zoneNumbers.size()));
        }
        for (ServiceDependency dep : solution.getServiceDependencies()) {
            DependencyLink link = new DependencyLink(service(dep.service()), service(dep.dependsOn()));
            for (ServiceAcc s : List.of(link.service(), link.dependsOn())) {
                s.dependencies.add(link);
                if (s.perDomain == null) {
                    s.perDomain = new int[domainCount];
                }
            }
        }
        gangs = new IdentityHashMap<>();
        movedHistogram = new int[solution.getWorkloads().size() + 1];
        maxMoved = 0;
        for (Workload w : solution.getWorkloads()) {
            addEntity(w);
        }
    }

    private void readWeights(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        int unassigned = NAMES.indexOf(UNASSIGNED);
        for (int i = 0; i < RULES; i++) {
            HardMediumSoftLongScore w = overrides == null ? null : overrides.getConstraintWeight(NAMES.get(i));
            if (w == null) {
                w = i < unassigned ? HardMediumSoftLongScore.ONE_HARD
                        : i == unassigned ? HardMediumSoftLongScore.ONE_MEDIUM : HardMediumSoftLongScore.ONE_SOFT;
            }
            hardWeight[i] = w.hardScore();
            mediumWeight[i] = w.mediumScore();
            softWeight[i] = w.softScore();
        }
    }

    @Override
    public void beforeEntityAdded(Object entity) {
    }

    @Override
    public void afterEntityAdded(Object entity) {
        addEntity((Workload) entity);
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
        apply((Workload) entity, -1);
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
        apply((Workload) entity, 1);
    }

    @Override
    public void beforeEntityRemoved(Object entity) {
        Workload w = (Workload) entity;
        apply(w, -1);
        if (w.getGang() != null) {
            GangAcc g = gang(w.getGang());
            amount[I_GANG] -= g.allOrNothing();
            g.members--;
            amount[I_GANG] += g.allOrNothing();
        }
    }

    @Override
    public void afterEntityRemoved(Object entity) {
    }

    @Override
    public HardMediumSoftLongScore calculateScore() {
        long hard = 0L;
        long medium = 0L;
        long soft = 0L;
        for (int i = 0; i < RULES; i++) {
            long a = amount[i];
            if (a != 0L) {
                hard -= hardWeight[i] * a;
                medium -= mediumWeight[i] * a;
                soft -= softWeight[i] * a;
            }
        }
        return HardMediumSoftLongScore.of(hard, medium, soft);
    }

    /** The running amount of one rule (its penalty before the weight), for tests that compare rule by rule. */
    public long amount(String constraintName) {
        return amount[NAMES.indexOf(constraintName)];
    }

    /**
     * True when the working solution keeps every hard rule and moving {@code w} to {@code to} would break node
     * capacity, transient capacity or anti-affinity there: such a move can only lower the score, so local search
     * may skip it unscored. False when unsure (the move is then scored as usual).
     */
    public boolean breaksFeasibleShift(Workload w, Node to) {
        Node from = w.getNode();
        if (to == null || from == null || from == to || !hardFeasible()) {
            return false;
        }
        NodeAcc t = acc(to);
        return t != null && !fitsOn(t, w);
    }

    /** As {@link #breaksFeasibleShift}, for exchanging the nodes of {@code a} and {@code b}. */
    public boolean breaksFeasibleSwap(Workload a, Workload b) {
        Node na = a.getNode();
        Node nb = b.getNode();
        if (na == null || nb == null || na == nb || !hardFeasible()) {
            return false;
        }
        NodeAcc ta = acc(na);
        NodeAcc tb = acc(nb);
        if (ta == null || tb == null || overfills(tb, a, b) || overfills(ta, b, a) || overfillsTransient(tb, a, b)
                || overfillsTransient(ta, b, a)) {
            return true;
        }
        return a.getService() != b.getService() && (hasServiceOn(a, tb) || hasServiceOn(b, ta));
    }

    /**
     * Puts {@code w} on {@code node} (null = unassigned) and updates the sums, for callers that search on this score
     * directly instead of through Timefold.
     */
    public void move(Workload w, Node node) {
        apply(w, -1);
        w.setNode(node);
        apply(w, 1);
    }

    /**
     * The hard penalty of node and transient capacity alone (0 when both hold), so a search may price an overfull
     * node by its own measure instead of refusing it.
     */
    public long capacityPenalty() {
        return hardWeight[I_NODE_CAPACITY] * amount[I_NODE_CAPACITY] + hardWeight[I_TRANSIENT] * amount[I_TRANSIENT];
    }

    /** Whether resource {@code i} is held on a workload's current node while it runs elsewhere. */
    public boolean isTransient(int i) {
        return i >= 0 && i < transientByIndex.length && transientByIndex[i];
    }

    /** The workloads on {@code node} now (a view; do not keep it across moves). */
    public List<Workload> workloadsOn(Node node) {
        NodeAcc t = acc(node);
        return t == null ? List.of() : java.util.Collections.unmodifiableList(t.members);
    }

    /** Whether {@code w} fits on {@code node} now: capacity, transient capacity and anti-affinity there only. */
    public boolean fits(Workload w, Node node) {
        NodeAcc t = acc(node);
        return t != null && w.getNode() != node && fitsOn(t, w);
    }

    private boolean fitsOn(NodeAcc t, Workload w) {
        return !overfills(t, w, null) && !overfillsTransient(t, w, null) && !hasServiceOn(w, t);
    }

    /**
     * How much {@code w} would overfill {@code node} now, per resource (0 where it fits), counting the transient
     * hold like {@link PlacementConstraintProvider#TRANSIENT_CAPACITY}.
     */
    public long[] overflow(Workload w, Node node) {
        NodeAcc t = acc(node);
        long[] over = new long[resources.length];
        if (t == null) {
            return over;
        }
        for (int i = 0; i < over.length; i++) {
            over[i] = Math.max(0L, t.usage[i] + requirement(w, i) - node.capacity(i));
        }
        for (int i : transientIndexes) {
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
        NodeAcc t = acc(node);
        return t != null && fitRulesAreHard() && !fitsOn(t, w);
    }

    /**
     * The node among {@code nodes} (other than {@code excluded}) where {@code w} {@link #fits} with the least rise in
     * load and balance cost (no move costs), {@code preferred} first among equals and otherwise the first; null if it
     * fits nowhere.
     * One pass over the resources per node tests the capacity and sums the load cost together: ejection moves ask
     * this for every workload they eject, over every node.
     */
    public Node cheapestFit(Workload w, List<Node> nodes, Node excluded, Node preferred) {
        Node best = null;
        long bestCost = Long.MAX_VALUE;
        ServiceAcc antiAffine = antiAffine(w);
        for (Node n : nodes) {
            if (n == excluded || n == w.getNode()) {
                continue;
            }
            NodeAcc t = acc(n);
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
    private long costIfFits(NodeAcc t, Workload w, ServiceAcc antiAffine) {
        // the fit first, the cost only where it fits: most nodes do not
        if (overfills(t, w, null) || overfillsTransient(t, w, null)
                || (antiAffine != null && antiAffine.countOn(t) > 0)) {
            return NO_FIT;
        }
        long[] u = t.usage;
        long[] safety = t.safetyArray;
        long delta = 0L;
        for (int i = 0; i < u.length; i++) {
            long weight = i < loadWeight.length ? loadWeight[i] : 0L;
            if (weight != 0L) {
                long after = u[i] + requirement(w, i);
                delta += weight * (Math.max(0L, after - safety[i]) - Math.max(0L, u[i] - safety[i]));
            }
        }
        return delta + balanceRise(t.node, u, w);
    }

    private long balanceRise(Node node, long[] u, Workload w) {
        long delta = 0L;
        for (BalanceObjective b : balances) {
            int i1 = b.resource1().index();
            int i2 = b.resource2().index();
            long before = b.target() * (node.capacity(i1) - u[i1]) - (node.capacity(i2) - u[i2]);
            long after = b.target() * (node.capacity(i1) - u[i1] - requirement(w, i1))
                    - (node.capacity(i2) - u[i2] - requirement(w, i2));
            delta += b.weight() * (Math.max(0L, after) - Math.max(0L, before));
        }
        return delta;
    }

    private NodeAcc acc(Node node) {
        int i = node.getIndex();
        if (i >= 0 && i < byIndex.length) {
            NodeAcc a = byIndex[i];
            if (a != null && a.node == node) {
                return a;
            }
        }
        return nodes.get(node);
    }

    private boolean hardFeasible() {
        if (feasible < 0) {
            feasible = computeHardFeasible() ? 1 : 0;
        }
        return feasible == 1;
    }

    /** Node capacity, transient capacity and anti-affinity, the rules {@link #fitsOn} tests, are all hard. */
    private boolean fitRulesAreHard() {
        return hardWeight[I_NODE_CAPACITY] > 0 && hardWeight[I_TRANSIENT] > 0 && hardWeight[I_ANTI_AFFINITY] > 0;
    }

    private boolean computeHardFeasible() {
        if (!fitRulesAreHard()) {
            return false;
        }
        for (int i = 0; i < RULES; i++) {
            if (amount[i] != 0L && hardWeight[i] != 0L) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code plus} arriving on the node and {@code minus} (may be null) leaving it exceeds a capacity. */
    private static boolean overfills(NodeAcc t, Workload plus, Workload minus) {
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

    private boolean overfillsTransient(NodeAcc t, Workload plus, Workload minus) {
        Node node = t.node;
        for (int i : transientIndexes) {
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

    private boolean hasServiceOn(Workload w, NodeAcc t) {
        ServiceAcc antiAffine = antiAffine(w);
        return antiAffine != null && antiAffine.countOn(t) > 0;
    }

    private ServiceAcc antiAffine(Workload w) {
        Service service = w.getService();
        return service != null && service.antiAffinity() ? service(service) : null;
    }

    private static long requirement(Workload w, int r) {
        return w == null || r >= w.resourceCount() ? 0L : w.requirement(r);
    }

    private void addEntity(Workload w) {
        if (w.getGang() != null) {
            GangAcc g = gang(w.getGang());
            amount[I_GANG] -= g.allOrNothing();
            g.members++;
            amount[I_GANG] += g.allOrNothing();
        }
        apply(w, 1);
    }

    /** Adds (sign 1) or removes (sign -1) everything the workload contributes in its current place. */
    private void apply(Workload w, int sign) {
        feasible = -1; // each change notification comes through here
        Node node = w.getNode();
        if (node == null) {
            amount[I_UNASSIGNED] += sign * w.getPriority();
            return;
        }
        NodeAcc acc = acc(node);
        acc.add(w, sign);
        refresh(acc);
        if (w.usesGpu()) {
            GpuClassAcc gpuClass = acc.gpuClass;
            if (gpuClass != null) {
                amount[I_GPU_CLASS_BALANCE] -= GpuClassBalance.penalty(gpuClass.popularity, gpuClass.usedMilli, gpuClass.capacityMilli);
                gpuClass.usedMilli += sign * w.gpuDemandMilli();
                amount[I_GPU_CLASS_BALANCE] += GpuClassBalance.penalty(gpuClass.popularity, gpuClass.usedMilli, gpuClass.capacityMilli);
            }
            if (!w.allowsGpuType(node.getGpuType())) {
                amount[I_GPU_TYPE] += sign;
            }
            if (!w.prefersGpuType(node.getGpuType())) {
                amount[I_PREFERRED] += sign;
            }
        }
        if (violatesNodeState(w)) {
            amount[I_NODE_STATE] += sign;
        }
        boolean moved = w.isMoved();
        if (moved) {
            NodeAcc from = acc(w.getCurrentNode());
            from.addMovedOut(w, sign, transientIndexes);
            if (transientIndexes.length > 0) {
                refreshTransient(from); // moved-out usage counts only for transient resources
            }
            amount[I_PROCESS_MOVE] += sign * w.getMoveCost();
            amount[I_MACHINE_MOVE] += sign * w.getCurrentNode().moveCostTo(node);
        }
        if (w.getService() != null) {
            applyService(w, node, acc, moved, sign);
        }
        if (w.getGang() != null) {
            applyGang(w, node, sign);
        }
    }

    private void applyService(Workload w, Node node, NodeAcc t, boolean moved, int sign) {
        ServiceAcc s = service(w.getService());
        if (moved) {
            int before = s.moved;
            s.moved += sign;
            if (s.moved >= movedHistogram.length) {
                movedHistogram = java.util.Arrays.copyOf(movedHistogram, 2 * s.moved + 1);
            }
            movedHistogram[before]--;
            movedHistogram[s.moved]++;
            if (s.moved > maxMoved) {
                maxMoved = s.moved;
            }
            while (maxMoved > 0 && movedHistogram[maxMoved] == 0) {
                maxMoved--;
            }
            amount[I_SERVICE_MOVE] = maxMoved;
        }
        if (s.service.antiAffinity()) {
            int before = s.countOn(t);
            s.setOn(t, before + sign);
            // pairs on the node: an arrival meets every workload there, a departure leaves the others
            amount[I_ANTI_AFFINITY] += sign > 0 ? before : -(before - 1);
        }
        if (s.service.spreadMin() > 1) {
            amount[I_SPREAD] -= s.spreadShortfall();
            s.assigned += sign;
            int[] count = s.perZone;
            if (sign > 0 && count[t.zone]++ == 0) {
                s.distinctZones++;
            } else if (sign < 0 && --count[t.zone] == 0) {
                s.distinctZones--;
            }
            amount[I_SPREAD] += s.spreadShortfall();
        }
        if (!s.dependencies.isEmpty()) {
            int domain = acc(node).domain;
            // Only a domain gaining its first or losing its last workload of the service changes any dependency.
            boolean crossesZero = sign > 0 ? s.perDomain[domain] == 0 : s.perDomain[domain] == 1;
            if (crossesZero) {
                for (DependencyLink dep : s.dependencies) {
                    amount[I_DEPENDENCY] -= dep.uncovered(domain);
                }
            }
            s.perDomain[domain] += sign;
            if (crossesZero) {
                for (DependencyLink dep : s.dependencies) {
                    amount[I_DEPENDENCY] += dep.uncovered(domain);
                }
            }
        }
    }


    private void applyGang(Workload w, Node node, int sign) {
        GangAcc g = gang(w.getGang());
        amount[I_GANG] -= g.allOrNothing();
        g.assigned += sign;
        amount[I_GANG] += g.allOrNothing();
        if (g.gang.topology() != GangTopology.ANY) {
            amount[I_GANG_TOPOLOGY] -= Math.max(0, g.perDomain.size() - 1);
            Object key = topologyKey(w);
            int[] count = g.perDomain.computeIfAbsent(key, k -> new int[1]);
            count[0] += sign;
            if (count[0] == 0) {
                g.perDomain.remove(key);
            }
            amount[I_GANG_TOPOLOGY] += Math.max(0, g.perDomain.size() - 1);
        }
    }

    private static boolean sparesCount(Node node) {
        return node.getState() == NodeState.ACTIVE && node.getGpuCount() > 0;
    }

    /** As {@link #refresh}, for a change of the moved-out sums alone: only the transient rule reads them. */
    private void refreshTransient(NodeAcc a) {
        long transientExcess = transientExcess(a);
        amount[I_TRANSIENT] += transientExcess - a.transientExcess;
        a.transientExcess = transientExcess;
    }

    private long transientExcess(NodeAcc a) {
        long excess = 0L;
        if (a.movedOutCount > 0) {
            long[] u = a.usage;
            for (int i : transientIndexes) {
                long cap = a.capacityArray[i];
                excess += Math.max(0L, u[i] + a.movedOut[i] - cap) - Math.max(0L, u[i] - cap);
            }
        }
        return excess;
    }

    /** Replaces the node's contributions to the per-node rules with ones computed from its current sums. */
    private void refresh(NodeAcc a) {
        Node node = a.node;
        long[] u = a.usage;
        boolean busy = a.count > 0;
        if (a.packingStale) {
            a.packing = GpuPacking.pack(node.getGpuCount(), a.wholeGpus, a.sharesArray());
            a.packingStale = false;
        }
        long capacity = 0L;
        long load = 0L;
        long gpu = 0L;
        long power = 0L;
        if (busy) {
            long[] cap = a.capacityArray;
            long[] safety = a.safetyArray;
            long[] weight = loadWeight;
            int n = Math.min(u.length, weight.length);
            for (int i = 0; i < n; i++) {
                long ui = u[i];
                long excess = ui - cap[i];
                if (excess > 0) {
                    capacity += excess;
                }
                long over = ui - safety[i];
                if (over > 0) {
                    load += weight[i] * over;
                }
            }
            gpu = a.packing.overflowMilli();
            power = node.getIdlePowerWatts() + a.workloadPower;
        }
        long transientExcess = transientExcess(a);
        long balance = 0L;
        for (BalanceObjective b : balances) {
            long free1 = node.capacity(b.resource1().index()) - u[b.resource1().index()];
            long free2 = node.capacity(b.resource2().index()) - u[b.resource2().index()];
            long shortfall = b.target() * free1 - free2;
            if (shortfall > 0) {
                balance += b.weight() * shortfall;
            }
        }
        long fragmentation = 0L;
        if (node.getGpuCount() > 0 && node.getState() == NodeState.ACTIVE && probes.length > 0) {
            NodeLoad view = new NodeLoad(node, u, a.workloadPower, a.count, a.packing);
            for (FragmentationProbe probe : probes) {
                fragmentation += probe.popularity() * view.fragmentMilli(probe);
            }
        }
        amount[I_NODE_CAPACITY] += capacity - a.capacity;
        amount[I_LOAD_COST] += load - a.load;
        amount[I_GPU_CAPACITY] += gpu - a.gpu;
        amount[I_POWER] += power - a.power;
        amount[I_TRANSIENT] += transientExcess - a.transientExcess;
        amount[I_BALANCE] += balance - a.balance;
        amount[I_FRAGMENTATION] += fragmentation - a.fragmentation;
        Rack rack = node.getRack();
        if (rack != null && rack.capped() && power != a.power) {
            long[] draw = rackDraw.computeIfAbsent(rack, k -> new long[1]);
            amount[I_RACK_POWER] -= Math.max(0L, draw[0] - rack.powerCapWatts());
            draw[0] += power - a.power;
            amount[I_RACK_POWER] += Math.max(0L, draw[0] - rack.powerCapWatts());
        }
        if (sparesCount(node)) {
            int free = a.packing.freeWholeGpus();
            if (free != a.freeWholeGpus) {
                ZoneAcc zone = zones.get(node.getZone());
                amount[I_SPARE] -= zone.shortfall();
                zone.freeGpus += free - a.freeWholeGpus;
                amount[I_SPARE] += zone.shortfall();
                a.freeWholeGpus = free;
            }
        }
        a.capacity = capacity;
        a.load = load;
        a.gpu = gpu;
        a.power = power;
        a.transientExcess = transientExcess;
        a.balance = balance;
        a.fragmentation = fragmentation;
    }

    private ServiceAcc service(Service service) {
        return services.computeIfAbsent(service, sv -> new ServiceAcc(sv, 0, zoneNumbers.size()));
    }

    private GangAcc gang(Gang gang) {
        return gangs.computeIfAbsent(gang, GangAcc::new);
    }

    /** Running sums of one node and its last contribution to each per-node rule. */
    private static final class NodeAcc {
        final Node node;
        /** 0, 1, ... in the order of the solution's nodes: an index for per-node arrays. */
        final int slot;
        /** Zone number. */
        final int zone;
        /** Network domain number. */
        final int domain;
        /** The node's GPU class, or null without GPUs. */
        final GpuClassAcc gpuClass;
        final long[] usage;
        final long[] movedOut;
        /** The node's capacity and safety capacity by resource, copied for the hot loop. */
        final long[] capacityArray;
        final long[] safetyArray;
        /**
         * The resource that last stopped a workload from fitting here, tested first: on a tightly packed cluster most
         * fit tests fail, and mostly on the same resource of a node.
         */
        int tightest;
        /** The workloads placed here (for ejection moves). */
        final List<Workload> members = new ArrayList<>();
        int count;
        int movedOutCount;
        long workloadPower;
        int wholeGpus;
        final List<Integer> shares = new ArrayList<>();
        GpuPacking packing;
        boolean packingStale;
        long capacity;
        long load;
        long gpu;
        long power;
        long transientExcess;
        long balance;
        long fragmentation;
        int freeWholeGpus;

        NodeAcc(Node node, int slot, int domain, int zone, GpuClassAcc gpuClass) {
            this.node = node;
            this.slot = slot;
            this.zone = zone;
            this.domain = domain;
            this.gpuClass = gpuClass;
            this.usage = new long[node.resourceCount()];
            this.capacityArray = new long[usage.length];
            this.safetyArray = new long[usage.length];
            for (int r = 0; r < usage.length; r++) {
                capacityArray[r] = node.capacity(r);
                safetyArray[r] = node.safetyCapacity(r);
            }
            this.movedOut = new long[node.resourceCount()];
            this.packing = GpuPacking.pack(node.getGpuCount(), 0, NO_SHARES);
        }

        void add(Workload w, int sign) {
            int n = Math.min(usage.length, w.resourceCount());
            for (int r = 0; r < n; r++) {
                usage[r] += sign * w.requirement(r);
            }
            count += sign;
            if (sign > 0) {
                members.add(w);
            } else {
                members.remove(w);
            }
            workloadPower += sign * w.getPowerWatts();
            if (w.getGpus() > 0) {
                wholeGpus += sign * w.getGpus();
                packingStale = true;
            } else if (w.getGpuMilli() > 0) {
                if (sign > 0) {
                    shares.add(w.getGpuMilli());
                } else {
                    shares.remove(Integer.valueOf(w.getGpuMilli()));
                }
                packingStale = true;
            }
        }

        /** Only the transient resources' moved-out usage is kept: no rule reads the others. */
        void addMovedOut(Workload w, int sign, int[] transientIndexes) {
            int n = Math.min(movedOut.length, w.resourceCount());
            for (int r : transientIndexes) {
                if (r < n) {
                    movedOut[r] += sign * w.requirement(r);
                }
            }
            movedOutCount += sign;
        }

        int[] sharesArray() {
            int[] s = new int[shares.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = shares.get(i);
            }
            return s;
        }
    }

    /** GPU milli in use and capacity of one GPU class (GPU count x type), and the popularity of its probes. */
    private static final class GpuClassAcc {
        final long popularity;
        long capacityMilli;
        long usedMilli;

        GpuClassAcc(long popularity) {
            this.popularity = popularity;
        }
    }

    private static final class ZoneAcc {
        final List<Integer> reserves = new ArrayList<>();
        boolean present;
        long freeGpus;

        long shortfall() {
            if (!present) {
                return 0L;
            }
            long sum = 0L;
            for (int reserve : reserves) {
                sum += Math.max(0L, reserve - freeGpus);
            }
            return sum;
        }
    }

    private static final class ServiceAcc {
        final Service service;
        int moved;
        int assigned;
        int distinctZones;
        /** Workloads of the service per node: by node slot on clusters small enough for an array, else by node. */
        final int[] perSlot;
        final Map<Node, int[]> perNode;
        /** Workloads of the service per zone number, kept only for services with a spread. */
        final int[] perZone;
        /** Workloads per network domain (by domain number), kept only for services in a dependency. */
        int[] perDomain;
        final List<DependencyLink> dependencies = new ArrayList<>();

        /** @param slots the number of nodes for a per-node array, 0 for a map */
        ServiceAcc(Service service, int slots, int zones) {
            this.service = service;
            this.perZone = service.spreadMin() > 1 ? new int[zones] : null;
            this.perSlot = slots > 0 && service.antiAffinity() ? new int[slots] : null;
            this.perNode = perSlot == null ? new IdentityHashMap<>() : null;
        }

        int countOn(NodeAcc t) {
            if (perSlot != null) {
                return perSlot[t.slot];
            }
            int[] count = perNode.get(t.node);
            return count == null ? 0 : count[0];
        }

        void setOn(NodeAcc t, int count) {
            if (perSlot != null) {
                perSlot[t.slot] = count;
            } else {
                perNode.computeIfAbsent(t.node, n -> new int[1])[0] = count;
            }
        }

        long spreadShortfall() {
            return Math.max(0, Math.min(service.spreadMin(), assigned) - distinctZones);
        }

    }

    /** A dependency between two services' counters. */
    private record DependencyLink(ServiceAcc service, ServiceAcc dependsOn) {

        /** 1 when the domain hosts the dependent service but not the one it depends on. */
        int uncovered(int domain) {
            return service.perDomain[domain] > 0 && dependsOn.perDomain[domain] == 0 ? 1 : 0;
        }
    }

    private static final class GangAcc {
        final Gang gang;
        int members;
        int assigned;
        final Map<Object, int[]> perDomain = new HashMap<>();

        GangAcc(Gang gang) {
            this.gang = gang;
        }

        long allOrNothing() {
            return assigned > 0 && assigned < members ? members - assigned : 0;
        }
    }
}
