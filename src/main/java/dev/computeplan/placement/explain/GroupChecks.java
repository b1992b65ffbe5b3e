package dev.computeplan.placement.explain;

import static dev.computeplan.placement.explain.CheckContext.domainOf;
import static dev.computeplan.placement.explain.CheckContext.orEmpty;

import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checker's rules of groups of workloads: services (anti-affinity, spread, dependencies) and gangs. */
final class GroupChecks {

    private GroupChecks() {}

    static void checkServices(CheckContext ctx) {
        Map<String, List<String>> nodesOf = new HashMap<>();
        for (PlacementRequest.WorkloadDto w : ctx.req.workloads()) {
            PlacementPlan.Assignment a = ctx.byWorkload.get(w.id());
            if (w.service() != null && a != null && a.node() != null) {
                nodesOf.computeIfAbsent(w.service(), k -> new ArrayList<>()).add(a.node());
            }
        }
        Map<String, Set<String>> domainsOf = new HashMap<>();
        nodesOf.forEach((s, list) -> {
            Set<String> domains = new HashSet<>();
            list.forEach(n -> domains.add(domainOf(ctx.nodes.get(n))));
            domainsOf.put(s, domains);
        });
        for (PlacementRequest.ServiceDto s : orEmpty(ctx.req.services())) {
            List<String> at = nodesOf.getOrDefault(s.id(), List.of());
            if (Boolean.TRUE.equals(s.antiAffinity())) {
                antiAffinity(ctx, s, at);
            }
            int spread = s.spreadMin() == null ? 0 : s.spreadMin();
            long zones =
                    at.stream().map(n -> ctx.nodes.get(n).zone()).distinct().count();
            int required = Math.min(spread, at.size());
            if (spread > 1 && zones < required) {
                ctx.violate(
                        "serviceSpread",
                        required - zones,
                        "service %s in %d zones, needs %d".formatted(s.id(), zones, required));
            }
            for (String dep : new HashSet<>(orEmpty(s.dependsOn()))) {
                for (String domain : domainsOf.getOrDefault(s.id(), Set.of())) {
                    if (!domainsOf.getOrDefault(dep, Set.of()).contains(domain)) {
                        ctx.violate(
                                "serviceDependency", 1, "domain %s hosts %s without %s".formatted(domain, s.id(), dep));
                    }
                }
            }
        }
    }

    /** Each pair of a service's workloads on one node counts once. */
    private static void antiAffinity(CheckContext ctx, PlacementRequest.ServiceDto s, List<String> at) {
        Map<String, Integer> perNode = new HashMap<>();
        at.forEach(n -> perNode.merge(n, 1, Integer::sum));
        perNode.forEach((n, c) -> {
            if (c > 1) {
                ctx.violate(
                        "serviceAntiAffinity",
                        (long) c * (c - 1) / 2,
                        "service %s has %d workloads on %s".formatted(s.id(), c, n));
            }
        });
    }

    static void checkGangs(CheckContext ctx) {
        Map<String, List<PlacementRequest.WorkloadDto>> membersOf = new HashMap<>();
        for (PlacementRequest.WorkloadDto w : ctx.req.workloads()) {
            if (w.gang() != null) {
                membersOf.computeIfAbsent(w.gang(), k -> new ArrayList<>()).add(w);
            }
        }
        for (PlacementRequest.GangDto g : orEmpty(ctx.req.gangs())) {
            List<PlacementRequest.WorkloadDto> of = membersOf.getOrDefault(g.id(), List.of());
            int members = of.size();
            List<String> placedOn = new ArrayList<>();
            for (PlacementRequest.WorkloadDto w : of) {
                PlacementPlan.Assignment a = ctx.byWorkload.get(w.id());
                if (a != null && a.node() != null) {
                    placedOn.add(a.node());
                }
            }
            if (!placedOn.isEmpty() && placedOn.size() < members) {
                ctx.violate(
                        "gangAllOrNothing",
                        members - placedOn.size(),
                        "gang %s has %d of %d placed".formatted(g.id(), placedOn.size(), members));
            }
            String topology = g.topology() == null ? "ANY" : g.topology();
            if (!topology.equals("ANY") && !placedOn.isEmpty()) {
                long domains = placedOn.stream()
                        .map(n -> topologyDomain(ctx.nodes.get(n), topology))
                        .distinct()
                        .count();
                if (domains > 1) {
                    ctx.violate(
                            "gangTopology", domains - 1, "gang %s spans %d %s".formatted(g.id(), domains, topology));
                }
            }
        }
    }

    /** A node without a rack is a rack of its own. */
    private static String topologyDomain(PlacementRequest.NodeDto n, String topology) {
        if (topology.equals("SAME_RACK")) {
            return n.rack() == null ? "node:" + n.id() : n.rack();
        }
        return domainOf(n);
    }
}
