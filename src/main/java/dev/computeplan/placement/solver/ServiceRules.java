package dev.computeplan.placement.solver;

import static dev.computeplan.placement.solver.RuleIndex.*;

import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.ServiceDependency;
import dev.computeplan.placement.domain.Workload;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that count workloads per service and per gang (service move, anti-affinity, spread, dependency, gang
 * all-or-nothing and topology), kept as counters whose changes update the score's running amounts.
 */
final class ServiceRules {

    private final long[] amount;
    private Map<Service, ServiceCounts> services;
    private Map<Gang, GangCounts> gangs;
    private int zoneCount;
    /** Services by number of moved workloads, for the maximum (service move rule). */
    private int[] movedHistogram;

    private int maxMoved;

    /** @param amount the score's running amounts, which this updates */
    ServiceRules(long[] amount) {
        this.amount = amount;
    }

    /**
     * Counters for every service and dependency of {@code solution}, nothing placed yet. Per-node counts of an
     * anti-affine service live in an array while nodes x services stays under {@code perNodeArrayCells}, else in a map.
     */
    void reset(PlacementSolution solution, NodeRules nodes, long perNodeArrayCells) {
        zoneCount = nodes.zoneCount();
        services = new IdentityHashMap<>();
        int slots =
                (long) nodes.nodeCount() * solution.getServices().size() <= perNodeArrayCells ? nodes.nodeCount() : 0;
        for (Service service : solution.getServices()) {
            services.put(service, new ServiceCounts(service, slots, zoneCount));
        }
        for (ServiceDependency dep : solution.getServiceDependencies()) {
            ServiceCounts.Link link = new ServiceCounts.Link(service(dep.service()), service(dep.dependsOn()));
            for (ServiceCounts s : List.of(link.service(), link.dependsOn())) {
                s.dependencies.add(link);
                if (s.perDomain == null) {
                    s.perDomain = new int[nodes.domainCount()];
                }
            }
        }
        gangs = new IdentityHashMap<>();
        movedHistogram = new int[solution.getWorkloads().size() + 1];
        maxMoved = 0;
    }

    ServiceCounts service(Service service) {
        return services.computeIfAbsent(service, sv -> new ServiceCounts(sv, 0, zoneCount));
    }

    /** A gang member joins (sign 1) or leaves (sign -1) the problem. */
    void gangMember(Workload w, int sign) {
        GangCounts g = gang(w.getGang());
        amount[GANG_I] -= g.allOrNothing();
        g.members += sign;
        amount[GANG_I] += g.allOrNothing();
    }

    /** Adds (sign 1) or removes (sign -1) {@code w}, placed on the node of {@code t}, from its service's counters. */
    void applyService(Workload w, NodeSums t, boolean moved, int sign) {
        ServiceCounts s = service(w.getService());
        if (moved) {
            applyMoved(s, sign);
        }
        if (s.service.antiAffinity()) {
            int before = s.countOn(t);
            s.setOn(t, before + sign);
            // pairs on the node: an arrival meets every workload there, a departure leaves the others
            amount[ANTI_AFFINITY_I] += sign > 0 ? before : -(before - 1);
        }
        if (s.service.spreadMin() > 1) {
            amount[SPREAD_I] -= s.spreadShortfall();
            s.assigned += sign;
            int[] count = s.perZone;
            if (sign > 0 && count[t.zone]++ == 0) {
                s.distinctZones++;
            } else if (sign < 0 && --count[t.zone] == 0) {
                s.distinctZones--;
            }
            amount[SPREAD_I] += s.spreadShortfall();
        }
        if (!s.dependencies.isEmpty()) {
            applyDependencies(s, t.domain, sign);
        }
    }

    private void applyMoved(ServiceCounts s, int sign) {
        int before = s.moved;
        s.moved += sign;
        if (s.moved >= movedHistogram.length) {
            movedHistogram = Arrays.copyOf(movedHistogram, 2 * s.moved + 1);
        }
        movedHistogram[before]--;
        movedHistogram[s.moved]++;
        if (s.moved > maxMoved) {
            maxMoved = s.moved;
        }
        while (maxMoved > 0 && movedHistogram[maxMoved] == 0) {
            maxMoved--;
        }
        amount[SERVICE_MOVE_I] = maxMoved;
    }

    private void applyDependencies(ServiceCounts s, int domain, int sign) {
        // Only a domain gaining its first or losing its last workload of the service changes any dependency.
        boolean crossesZero = sign > 0 ? s.perDomain[domain] == 0 : s.perDomain[domain] == 1;
        if (crossesZero) {
            for (ServiceCounts.Link dep : s.dependencies) {
                amount[DEPENDENCY_I] -= dep.uncovered(domain);
            }
        }
        s.perDomain[domain] += sign;
        if (crossesZero) {
            for (ServiceCounts.Link dep : s.dependencies) {
                amount[DEPENDENCY_I] += dep.uncovered(domain);
            }
        }
    }

    /** Adds (sign 1) or removes (sign -1) the placed gang member {@code w}. */
    void applyGang(Workload w, int sign) {
        GangCounts g = gang(w.getGang());
        amount[GANG_I] -= g.allOrNothing();
        g.assigned += sign;
        amount[GANG_I] += g.allOrNothing();
        if (g.gang.topology() != GangTopology.ANY) {
            amount[GANG_TOPOLOGY_I] -= Math.max(0, g.perDomain.size() - 1);
            Object key = RuleTerms.topologyKey(w);
            int[] count = g.perDomain.computeIfAbsent(key, k -> new int[1]);
            count[0] += sign;
            if (count[0] == 0) {
                g.perDomain.remove(key);
            }
            amount[GANG_TOPOLOGY_I] += Math.max(0, g.perDomain.size() - 1);
        }
    }

    private GangCounts gang(Gang gang) {
        return gangs.computeIfAbsent(gang, GangCounts::new);
    }

    /** A gang's members in the problem, those placed, and its placed members per topology domain. */
    private static final class GangCounts {
        final Gang gang;
        int members;
        int assigned;
        final Map<Object, int[]> perDomain = new HashMap<>();

        GangCounts(Gang gang) {
            this.gang = gang;
        }

        long allOrNothing() {
            return assigned > 0 && assigned < members ? members - assigned : 0;
        }
    }
}
