package dev.computeplan.placement.solver;

import static dev.computeplan.placement.solver.PlacementHardRules.HARD;
import static dev.computeplan.placement.solver.PlacementHardRules.SOFT;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.TopologySpread;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.justifications.DisruptionBudgetJustification;
import dev.computeplan.placement.solver.justifications.EvictionJustification;
import dev.computeplan.placement.solver.justifications.PreemptionJustification;
import dev.computeplan.placement.solver.justifications.TopologySpreadJustification;

/** The rules kube-scheduler users rely on: preemption, disruption budgets, topology spread, eviction cost. */
final class KubernetesConstraints {

    private KubernetesConstraints() {}

    /**
     * A victim is what is evicted as one: a workload, or a gang (whose members go together). Its eviction is legitimate
     * when on the former node of at least one evicted member a workload arrives that may preempt and has a strictly
     * higher priority; otherwise every evicted member counts one.
     */
    static Constraint preemption(ConstraintFactory factory, String name) {
        UniConstraintStream<Workload> evicted =
                factory.forEachIncludingUnassigned(Workload.class).filter(Workload::isPreempted);
        UniConstraintStream<Workload> justified = evicted.ifExists(
                Workload.class,
                Joiners.equal(Workload::getCurrentNode, Workload::getNode),
                Joiners.filtering((v, p) -> p.isPreemptor() && p.getPriority() > v.getPriority()));
        return evicted.groupBy(KubernetesConstraints::victim, ConstraintCollectors.count())
                .ifNotExists(justified, Joiners.equal((victim, all) -> victim, KubernetesConstraints::victim))
                .penalizeLong(HARD, (victim, all) -> all)
                .justifyWith((victim, all, score) -> new PreemptionJustification(
                        victimId(victim),
                        all,
                        "%s is evicted (%d workloads) though no higher-priority workload takes its place"
                                .formatted(victimId(victim), all)))
                .asConstraint(name);
    }

    /** Per budget, the disrupted (moved or evicted) running workloads it covers beyond the disruptions it allows. */
    static Constraint disruptionBudget(ConstraintFactory factory, String name) {
        return factory.forEachIncludingUnassigned(Workload.class)
                .filter(w -> !w.getBudgets().isEmpty() && w.isDisrupted())
                .flattenLast(Workload::getBudgets)
                .groupBy(b -> b, ConstraintCollectors.count())
                .filter((b, disrupted) -> disrupted > b.allowed())
                .penalizeLong(HARD, (b, disrupted) -> disrupted - b.allowed())
                .justifyWith((b, disrupted, score) -> new DisruptionBudgetJustification(
                        b.id(),
                        disrupted,
                        b.allowed(),
                        disrupted - b.allowed(),
                        "Disruption budget %s allows %d disruptions, the plan makes %d"
                                .formatted(b.id(), b.allowed(), disrupted)))
                .asConstraint(name);
    }

    /** Per topology spread constraint of the given kind (hard or soft), its excess (see {@link TopologySpread}). */
    static Constraint topologySpread(ConstraintFactory factory, boolean hard, String name) {
        return factory.forEach(TopologySpread.class)
                .filter(s -> s.isHard() == hard)
                .join(Workload.class, Joiners.equal(TopologySpread::getService, Workload::getService))
                .groupBy((s, w) -> s, ConstraintCollectors.toList((s, w) -> w.getNode()))
                .filter((s, nodes) -> s.excess(nodes) > 0)
                .penalizeLong(hard ? HARD : SOFT, (s, nodes) -> s.excess(nodes))
                .justifyWith((s, nodes, score) -> new TopologySpreadJustification(
                        s.getId(),
                        s.getService().id(),
                        s.getTopologyKey(),
                        s.getMaxSkew(),
                        s.excess(nodes),
                        "Service %s is spread over %s with more than the allowed skew %d (%d over)"
                                .formatted(s.getService().id(), s.getTopologyKey(), s.getMaxSkew(), s.excess(nodes))))
                .asConstraint(name);
    }

    /** A running workload left pending costs its eviction cost, more than moving it would. */
    static Constraint eviction(ConstraintFactory factory, String name) {
        return factory.forEachIncludingUnassigned(Workload.class)
                .filter(Workload::isEvicted)
                .penalizeLong(SOFT, Workload::evictionCost)
                .justifyWith((w, score) -> new EvictionJustification(
                        w.getId(),
                        w.getCurrentNode().getId(),
                        w.evictionCost(),
                        "Workload %s is evicted from %s (cost %d)"
                                .formatted(w.getId(), w.getCurrentNode().getId(), w.evictionCost())))
                .asConstraint(name);
    }

    /** What is evicted as one: the gang, else the workload. */
    static Object victim(Workload w) {
        return w.getGang() != null ? w.getGang() : w;
    }

    private static String victimId(Object victim) {
        return victim instanceof Workload w ? "Workload " + w.getId() : "Gang " + ((Gang) victim).id();
    }
}
