package dev.computeplan.placement.explain;

import static dev.computeplan.placement.explain.GangAdvisor.gpus;

import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For one rack or domain: the fewest running workloads whose leaving lets every member of a gang fit, taken as
 * kube-scheduler picks preemption victims (lowest priority first, then the largest, then pruned to the fewest),
 * and whether each of them could run elsewhere instead of being evicted.
 */
final class RoomMaker {

    private RoomMaker() {}

    static GangAdvice.Domain advise(
            PlacementSolution solution,
            List<Workload> members,
            long gangPriority,
            String domain,
            List<FreeRoom> domainRooms,
            Map<Node, FreeRoom> allRooms,
            int membersThatFit) {
        double free =
                gpus(domainRooms.stream().mapToLong(FreeRoom::freeGpuMilli).sum());
        if (membersThatFit == members.size()) {
            return new GangAdvice.Domain(
                    domain, membersThatFit, free, List.of(), List.of(), true, domain + " has room for every member");
        }
        Map<Node, FreeRoom> copies = new LinkedHashMap<>();
        domainRooms.forEach(r -> copies.put(r.node, r.copy()));
        List<Workload> holders = victims(solution, members, copies);
        if (holders == null) {
            return new GangAdvice.Domain(
                    domain,
                    membersThatFit,
                    free,
                    List.of(),
                    List.of(),
                    false,
                    "%s holds %d of %d members even with %d running workloads taken out"
                            .formatted(domain, membersThatFit, members.size(), GangAdvisor.MAX_HOLDERS));
        }
        List<GangAdvice.Holder> held = holders.stream()
                .map(h -> new GangAdvice.Holder(
                        h.getId(), h.getNode().getId(), h.getPriority(), gpus(h.gpuDemandMilli())))
                .toList();
        boolean evictable = holders.stream().allMatch(h -> h.getPriority() < gangPriority);
        List<GangAdvice.Move> moves = moves(holders, allRooms, copies.keySet());
        return new GangAdvice.Domain(
                domain,
                membersThatFit,
                free,
                held,
                moves,
                evictable,
                sentence(domain, holders, moves, evictable, gangPriority));
    }

    /** Holders taken out until every member fits, then put back where they are not needed; null if none suffice. */
    private static List<Workload> victims(
            PlacementSolution solution, List<Workload> members, Map<Node, FreeRoom> copies) {
        Set<Workload> gang = new HashSet<>(members);
        List<Workload> candidates = solution.getWorkloads().stream()
                .filter(w -> w.getNode() != null && copies.containsKey(w.getNode()))
                .filter(w -> !gang.contains(w) && !w.isPinned())
                .sorted(Comparator.comparingLong(Workload::getPriority)
                        .thenComparing(Comparator.comparingLong(Workload::gpuDemandMilli)
                                .reversed())
                        .thenComparing(Workload::getId))
                .limit(GangAdvisor.MAX_HOLDERS)
                .toList();
        List<Workload> chosen = new ArrayList<>();
        for (Workload w : candidates) {
            if (GangAdvisor.fit(members, copies.values()) == members.size()) {
                break;
            }
            copies.get(w.getNode()).remove(w);
            chosen.add(w);
        }
        if (GangAdvisor.fit(members, copies.values()) < members.size()) {
            return null;
        }
        for (int i = chosen.size() - 1; i >= 0; i--) {
            Workload w = chosen.get(i);
            FreeRoom room = copies.get(w.getNode());
            room.add(w);
            if (GangAdvisor.fit(members, copies.values()) == members.size()) {
                chosen.remove(i);
            } else {
                room.remove(w);
            }
        }
        return chosen;
    }

    /** A node outside the domain for every holder, best-fit by GPU; empty when one of them fits nowhere. */
    private static List<GangAdvice.Move> moves(List<Workload> holders, Map<Node, FreeRoom> allRooms, Set<Node> domain) {
        List<FreeRoom> outside = new ArrayList<>();
        allRooms.forEach((node, room) -> {
            if (!domain.contains(node)) {
                outside.add(room.copy());
            }
        });
        List<GangAdvice.Move> moves = new ArrayList<>();
        for (Workload h : holders) {
            FreeRoom best = null;
            for (FreeRoom r : outside) {
                if (r.accepts(h) && (best == null || r.freeGpuMilli() < best.freeGpuMilli())) {
                    best = r;
                }
            }
            if (best == null) {
                return List.of();
            }
            best.add(h);
            moves.add(new GangAdvice.Move(h.getId(), h.getNode().getId(), best.node.getId()));
        }
        return moves;
    }

    private static String sentence(
            String domain, List<Workload> holders, List<GangAdvice.Move> moves, boolean evictable, long priority) {
        String names = holders.stream().map(Workload::getId).collect(Collectors.joining(", "));
        if (!moves.isEmpty()) {
            return "%s fits the gang if %s %s (%s)"
                    .formatted(
                            domain,
                            names,
                            holders.size() == 1 ? "moves" : "move",
                            moves.stream()
                                    .map(m -> m.workload() + " to " + m.to())
                                    .collect(Collectors.joining(", ")));
        }
        if (evictable) {
            return "%s fits the gang if %s %s evicted (priority below %d; no other node takes %s)"
                    .formatted(
                            domain,
                            names,
                            holders.size() == 1 ? "is" : "are",
                            priority,
                            holders.size() == 1 ? "it" : "them");
        }
        return "%s fits the gang only if %s %s, and a workload of priority %d or more may not be preempted for it"
                .formatted(domain, names, holders.size() == 1 ? "leaves" : "leave", priority);
    }
}
