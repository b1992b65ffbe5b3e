package dev.computeplan.placement.solver;

import static dev.computeplan.placement.solver.PlacementConstraintProvider.NAMES;
import static dev.computeplan.placement.solver.RuleIndex.*;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import java.util.Arrays;

/**
 * The same rules as {@link PlacementConstraintProvider}, kept by hand: per node running sums ({@link NodeRules}), per
 * service and per gang counters ({@link ServiceRules}), and one running amount per rule, so a move costs
 * O(resources + balance objectives) with no allocation. The solver scores with this because constraint streams
 * spend most of a move propagating tuples; the constraint provider stays the reference: explanations,
 * recommendations and the assertion score director in tests use it, and tests require both to agree.
 */
public final class PlacementIncrementalScore
        implements IncrementalScoreCalculator<PlacementSolution, HardMediumSoftLongScore> {

    /** Below this many nodes x services cells (64 MB), per-node counts of a service live in arrays, else in maps. */
    private static final long PER_NODE_ARRAY_CELLS = 16_000_000L;

    /** Running amount of each rule (before its weight), indexed like {@link PlacementConstraintProvider#NAMES}. */
    private final long[] amount = new long[RULES];

    private final long[] hardWeight = new long[RULES];
    private final long[] mediumWeight = new long[RULES];
    private final long[] softWeight = new long[RULES];
    private final NodeRules nodes = new NodeRules(amount);
    private final ServiceRules services = new ServiceRules(amount);
    private final KubernetesRules kubernetes = new KubernetesRules(amount);
    private final PlacementFit fit = new PlacementFit(this, nodes, services);
    private final long perNodeArrayCells;
    /** Whether no hard rule is broken, computed on demand after each change (-1 = unknown, 0 = no, 1 = yes). */
    private int feasible = -1;

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
        Arrays.fill(amount, 0L);
        readWeights(solution.getConstraintWeightOverrides());
        nodes.reset(solution);
        services.reset(solution, nodes, perNodeArrayCells);
        kubernetes.reset(solution);
        for (Workload w : solution.getWorkloads()) {
            addEntity(w);
        }
    }

    private void readWeights(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        for (int i = 0; i < RULES; i++) {
            HardMediumSoftLongScore w = overrides == null ? null : overrides.getConstraintWeight(NAMES.get(i));
            if (w == null) {
                w = i < UNASSIGNED_I
                        ? HardMediumSoftLongScore.ONE_HARD
                        : i == UNASSIGNED_I ? HardMediumSoftLongScore.ONE_MEDIUM : HardMediumSoftLongScore.ONE_SOFT;
            }
            hardWeight[i] = w.hardScore();
            mediumWeight[i] = w.mediumScore();
            softWeight[i] = w.softScore();
        }
    }

    @Override
    public void beforeEntityAdded(Object entity) {}

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
            services.gangMember(w, -1);
        }
    }

    @Override
    public void afterEntityRemoved(Object entity) {}

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

    /** A rule's slot in {@link #amounts} and {@link #hardWithout}, by its constraint name. */
    public static int ruleIndex(String constraintName) {
        return NAMES.indexOf(constraintName);
    }

    /** Copies the running amount of every rule, indexed like {@link PlacementConstraintProvider#NAMES}. */
    public void amounts(long[] out) {
        System.arraycopy(amount, 0, out, 0, RULES);
    }

    /** Whether the rule counts at the hard level under the working solution's weights. */
    public boolean isHard(int rule) {
        return hardWeight[rule] != 0L;
    }

    /**
     * The hard score without one rule's part: an online decision placing a gang member by member sets the gang's
     * partial state aside while it compares nodes.
     */
    public long hardWithout(int rule) {
        long hard = 0L;
        for (int i = 0; i < RULES; i++) {
            if (i != rule) {
                hard -= hardWeight[i] * amount[i];
            }
        }
        return hard;
    }

    /** Fit and feasibility questions about the working solution, for searches that filter moves before scoring. */
    public PlacementFit fit() {
        return fit;
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
        return hardWeight[NODE_CAPACITY_I] * amount[NODE_CAPACITY_I] + hardWeight[TRANSIENT_I] * amount[TRANSIENT_I];
    }

    boolean hardFeasible() {
        if (feasible < 0) {
            feasible = computeHardFeasible() ? 1 : 0;
        }
        return feasible == 1;
    }

    /** Node capacity, transient capacity and anti-affinity, the rules a fit test checks, are all hard. */
    boolean fitRulesAreHard() {
        return hardWeight[NODE_CAPACITY_I] > 0 && hardWeight[TRANSIENT_I] > 0 && hardWeight[ANTI_AFFINITY_I] > 0;
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

    private void addEntity(Workload w) {
        if (w.getGang() != null) {
            services.gangMember(w, 1);
        }
        apply(w, 1);
    }

    /** Adds (sign 1) or removes (sign -1) everything the workload contributes in its current place. */
    private void apply(Workload w, int sign) {
        feasible = -1; // each change notification comes through here
        kubernetes.apply(w, sign);
        Node node = w.getNode();
        if (node == null) {
            amount[UNASSIGNED_I] += sign * w.getPendingWeight();
            return;
        }
        NodeSums sums = nodes.sums(node);
        nodes.apply(w, sums, sign);
        if (w.getService() != null) {
            services.applyService(w, sums, w.isMoved(), sign);
        }
        if (w.getGang() != null) {
            services.applyGang(w, sign);
        }
    }
}
