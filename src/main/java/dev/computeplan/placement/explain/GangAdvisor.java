package dev.computeplan.placement.explain;

import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Advice for a pending gang: which rule keeps it out (capacity, topology, fragmentation or another rule), and for
 * the racks or domains closest to holding it, which running workloads are in the way and whether they could move
 * elsewhere or would have to be evicted. Fit is judged by capacity, GPU count and GPU type, members packed
 * best-fit by GPU demand; holders are taken least important first, then pruned to the fewest that still make room.
 */
public final class GangAdvisor {

    /** Racks or domains reported, best first. */
    static final int DOMAINS = 3;
    /** Holders tried per domain: enough for a rack, bounded for a whole-cluster gang. */
    static final int MAX_HOLDERS = 200;

    private GangAdvisor() {}

    public static GangAdvice advise(PlacementSolution solution, Gang gang) {
        List<Workload> members = solution.getWorkloads().stream()
                .filter(w -> w.getGang() == gang)
                .sorted(Comparator.comparingLong(Workload::gpuDemandMilli)
                        .reversed()
                        .thenComparing(Workload::getId))
                .toList();
        int placed = (int) members.stream().filter(Workload::isAssigned).count();
        double needed =
                gpus(members.stream().mapToLong(Workload::gpuDemandMilli).sum());
        Map<Node, FreeRoom> rooms = FreeRoom.of(solution, w -> w.getGang() == gang);
        double free = gpus(rooms.values().stream()
                .filter(r -> members.stream().anyMatch(m -> m.usesGpu() && r.accepts(gpuOnly(m))))
                .mapToLong(FreeRoom::freeGpuMilli)
                .sum());
        String head = "Gang %s (%d members, %s GPUs%s)"
                .formatted(gang.id(), members.size(), number(needed), where(gang.topology()));
        if (members.isEmpty() || placed == members.size()) {
            return new GangAdvice(
                    gang.id(),
                    gang.topology().name(),
                    members.size(),
                    placed,
                    "none",
                    needed,
                    free,
                    0,
                    List.of(),
                    head + " is placed.");
        }
        List<GangAdvice.Domain> domains = domains(solution, gang, members, rooms);
        int clusterFit = fit(members, rooms.values());
        String rule = rule(members, rooms, clusterFit, domains, needed, free);
        double shortfall = rule.equals("capacity") ? Math.max(0, needed - free) : 0;
        String because = because(rule, needed, free, shortfall);
        String best = domains.isEmpty() ? "" : " Closest: " + domains.get(0).sentence() + ".";
        return new GangAdvice(
                gang.id(),
                gang.topology().name(),
                members.size(),
                placed,
                rule,
                needed,
                free,
                shortfall,
                domains,
                head + " is pending: " + because + "." + best);
    }

    private static String rule(
            List<Workload> members,
            Map<Node, FreeRoom> rooms,
            int clusterFit,
            List<GangAdvice.Domain> domains,
            double needed,
            double free) {
        if (!domains.isEmpty() && domains.get(0).membersThatFit() == members.size()) {
            return "otherRule";
        }
        if (clusterFit == members.size()) {
            return "topology";
        }
        return free < needed || lacksResources(members, rooms) ? "capacity" : "fragmentation";
    }

    private static String because(String rule, double needed, double free, double shortfall) {
        return switch (rule) {
            case "capacity" ->
                shortfall > 0
                        ? "the cluster has %s free GPUs of the kind its members need, %s short"
                                .formatted(number(free), number(shortfall))
                        : "the cluster lacks the CPU or memory its members need";
            case "topology" -> "the cluster has room for every member, but no single rack or domain has";
            case "fragmentation" ->
                "there are %s free GPUs in all, in pieces too small for a member".formatted(number(free));
            default -> "it fits by capacity; another hard rule holds it back (see a member's recommendations)";
        };
    }

    /** Racks or domains (the cluster for ANY) ordered by how many members fit now, then free GPUs. */
    private static List<GangAdvice.Domain> domains(
            PlacementSolution solution, Gang gang, List<Workload> members, Map<Node, FreeRoom> rooms) {
        Map<String, List<FreeRoom>> byDomain = new LinkedHashMap<>();
        rooms.values()
                .forEach(r -> byDomain.computeIfAbsent(domainOf(r.node, gang.topology()), k -> new ArrayList<>())
                        .add(r));
        record Ranked(String domain, List<FreeRoom> rooms, int fit, long freeMilli) {}
        List<Ranked> ranked = byDomain.entrySet().stream()
                .map(e -> new Ranked(
                        e.getKey(),
                        e.getValue(),
                        fit(members, e.getValue()),
                        e.getValue().stream().mapToLong(FreeRoom::freeGpuMilli).sum()))
                .sorted(Comparator.comparingInt(Ranked::fit)
                        .thenComparingLong(Ranked::freeMilli)
                        .reversed()
                        .thenComparing(Ranked::domain))
                .limit(DOMAINS)
                .toList();
        long priority = members.stream().mapToLong(Workload::getPriority).max().orElse(0);
        List<GangAdvice.Domain> out = new ArrayList<>();
        for (Ranked r : ranked) {
            out.add(RoomMaker.advise(solution, members, priority, r.domain(), r.rooms(), rooms, r.fit()));
        }
        return out;
    }

    /** Members that fit on these rooms, packed best-fit by free GPU capacity on copies. */
    static int fit(List<Workload> members, Iterable<FreeRoom> rooms) {
        List<FreeRoom> copies = new ArrayList<>();
        rooms.forEach(r -> copies.add(r.copy()));
        int fit = 0;
        for (Workload m : members) {
            FreeRoom best = null;
            for (FreeRoom r : copies) {
                if (r.accepts(m) && (best == null || r.freeGpuMilli() < best.freeGpuMilli())) {
                    best = r;
                }
            }
            if (best != null) {
                best.add(m);
                fit++;
            }
        }
        return fit;
    }

    static String domainOf(Node node, GangTopology topology) {
        return switch (topology) {
            case SAME_RACK -> node.getRack() != null ? node.getRack().id() : node.getId();
            case SAME_NETWORK_DOMAIN -> node.getNetworkDomain();
            case ANY -> "cluster";
        };
    }

    private static boolean lacksResources(List<Workload> members, Map<Node, FreeRoom> rooms) {
        for (Workload m : members) {
            Workload cpuOnly = new Workload(m.getId(), requirements(m), null, null, 0);
            if (rooms.values().stream().noneMatch(r -> r.accepts(cpuOnly))) {
                return true;
            }
        }
        return false;
    }

    private static Workload gpuOnly(Workload m) {
        return new Workload(m.getId(), new long[0], null, null, 0)
                .withGpus(Math.min(m.getGpus(), 1), m.getGpus() > 0 ? 0 : m.getGpuMilli())
                .withGpuTypes(m.getAllowedGpuTypes(), m.getPreferredGpuTypes());
    }

    private static long[] requirements(Workload m) {
        long[] req = new long[m.resourceCount()];
        for (int r = 0; r < req.length; r++) {
            req[r] = m.requirement(r);
        }
        return req;
    }

    private static String where(GangTopology topology) {
        return switch (topology) {
            case SAME_RACK -> ", in one rack";
            case SAME_NETWORK_DOMAIN -> ", in one network domain";
            case ANY -> "";
        };
    }

    static double gpus(long milli) {
        return milli / 1000.0;
    }

    static String number(double gpus) {
        return gpus == Math.rint(gpus) ? String.valueOf((long) gpus) : String.valueOf(gpus);
    }
}
