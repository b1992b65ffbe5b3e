package dev.computeplan.placement.api.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.ConflictException;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.NotFoundException;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.CallerScope;
import dev.computeplan.jobs.JobScope;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.solver.online.OnlinePolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The clusters a tenant keeps for online decisions. The database holds the durable copy (snapshot plus changes);
 * each replica keeps an in-memory copy per cluster, checks it against the database version under the cluster's
 * lock before every call, and writes each change by compare-and-set, so two callers (on one replica or on two)
 * never get the same GPUs. Another tenant's cluster answers as unknown.
 */
public class ClusterService {

    private static final TypeReference<List<ClusterEvent>> EVENTS = new TypeReference<>() {};

    private final ClusterStore store;
    private final ObjectMapper json;
    private final ProblemReader reader;
    private final Function<JsonNode, List<Violation>> sizeCheck;
    private final CallerScope scope;
    private final Clock clock;
    private final int snapshotEvery;
    private final OnlinePolicy policy;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /** A cluster in memory, with its owner and times (epoch ms). */
    private static final class Entry {
        final String tenant;
        final long createdAt;
        volatile long updatedAt;
        final LiveCluster cluster;

        Entry(String tenant, long createdAt, long updatedAt, LiveCluster cluster) {
            this.tenant = tenant;
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
            this.cluster = cluster;
        }
    }

    /**
     * @param sizeCheck     the placement kind's size limits on a parsed body
     * @param snapshotEvery a new snapshot replaces the recorded changes every this many versions
     */
    public ClusterService(
            ClusterStore store,
            ObjectMapper json,
            ProblemReader reader,
            Function<JsonNode, List<Violation>> sizeCheck,
            CallerScope scope,
            Clock clock,
            int snapshotEvery,
            OnlinePolicy policy) {
        this.store = store;
        this.json = json;
        this.reader = reader;
        this.sizeCheck = sizeCheck;
        this.scope = scope;
        this.clock = clock;
        this.snapshotEvery = Math.max(1, snapshotEvery);
        this.policy = policy;
    }

    public ClusterView create(JsonNode body) {
        List<Violation> tooLarge = sizeCheck.apply(body);
        if (!tooLarge.isEmpty()) {
            throw InvalidInputException.invalid(tooLarge);
        }
        PlacementRequest state = reader.readAs(body, PlacementRequest.class);
        List<Violation> violations = ClusterRules.ofState(state);
        if (!violations.isEmpty()) {
            throw InvalidInputException.invalid(violations);
        }
        LiveCluster cluster = new LiveCluster(new ClusterSnapshot(state, Map.of()), 0, policy);
        String id = UUID.randomUUID().toString();
        String tenant = scope.current().tenant();
        long now = clock.millis();
        store.insert(id, tenant, write(cluster.snapshot()), now);
        Entry e = new Entry(tenant, now, now, cluster);
        cache.put(id, e);
        return view(id, e, false);
    }

    /** The cluster's summary and, with {@code full}, its state. */
    public ClusterView get(String id, boolean full) {
        return locked(id, e -> view(id, e, full));
    }

    public void delete(String id) {
        entry(id);
        store.delete(id);
        cache.remove(id);
    }

    public ClusterView events(String id, JsonNode body) {
        ClusterEvents batch = reader.readAs(body, ClusterEvents.class);
        return locked(id, e -> {
            long before = expect(id, e, batch.expectedVersion());
            List<ClusterEvent> recorded = e.cluster.apply(batch.events());
            persist(id, e, before, recorded);
            return view(id, e, false);
        });
    }

    public DecisionView decide(String id, JsonNode body) {
        DecisionRequest d = reader.readAs(body, DecisionRequest.class);
        return locked(id, e -> {
            long before = expect(id, e, d.expectedVersion());
            LiveCluster.Outcome outcome = e.cluster.decide(d);
            if (!outcome.events().isEmpty()) {
                persist(id, e, before, outcome.events());
            }
            return outcome.view();
        });
    }

    /** Each named node's verdict for one new workload, binding nothing (a scheduler extender's question). */
    public List<OnlinePolicy.NodeVerdict> evaluate(
            String id, PlacementRequest.WorkloadDto workload, List<String> nodeNames) {
        return locked(id, e -> e.cluster.evaluate(workload, nodeNames));
    }

    private static long expect(String id, Entry e, Long expected) {
        long version = e.cluster.version();
        if (expected != null && expected != version) {
            throw new ConflictException("Cluster " + id + " is at version " + version + ", not " + expected
                    + ": read it again and decide on what it holds now.");
        }
        return version;
    }

    /** Runs {@code op} under the cluster's lock on a copy that matches the database's version. */
    private <T> T locked(String id, Function<Entry, T> op) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Entry e = entry(id);
            e.cluster.lock().lock();
            try {
                long version = store.version(id).orElseThrow(() -> gone(id));
                if (version == e.cluster.version() && cache.get(id) == e) {
                    return op.apply(e);
                }
                cache.remove(id, e);
            } finally {
                e.cluster.lock().unlock();
            }
        }
        throw new ConflictException("Cluster " + id + " keeps changing on another replica; retry.");
    }

    /** The caller's cluster, loaded from the database when this replica has no copy. */
    private Entry entry(String id) {
        Entry e = cache.computeIfAbsent(id, this::load);
        JobScope caller = scope.current();
        if (!caller.allTenants() && !Objects.equals(caller.tenant(), e.tenant)) {
            throw notFound(id);
        }
        return e;
    }

    private Entry load(String id) {
        ClusterStore.Row row = store.find(id).orElseThrow(() -> notFound(id));
        try {
            ClusterSnapshot snapshot = json.readValue(row.snapshot(), ClusterSnapshot.class);
            LiveCluster cluster = new LiveCluster(snapshot, row.snapshotVersion(), policy);
            for (String events : store.eventsAfter(id, row.snapshotVersion())) {
                cluster.apply(json.readValue(events, EVENTS));
            }
            return new Entry(row.tenant(), row.createdAt(), row.updatedAt(), cluster);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cluster " + id + " cannot be read back", e);
        }
    }

    private void persist(String id, Entry e, long before, List<ClusterEvent> events) {
        long now = clock.millis();
        String snapshot = e.cluster.version() % snapshotEvery == 0 ? write(e.cluster.snapshot()) : null;
        if (!store.append(id, before, write(events), snapshot, now)) {
            cache.remove(id, e);
            throw new ConflictException("Cluster " + id + " changed on another replica meanwhile; retry.");
        }
        e.updatedAt = now;
    }

    private RuntimeException gone(String id) {
        cache.remove(id);
        return notFound(id);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No cluster " + id + ".");
    }

    private ClusterView view(String id, Entry e, boolean full) {
        LiveCluster c = e.cluster;
        ClusterSnapshot snapshot = full ? c.snapshot() : null;
        return new ClusterView(
                id,
                c.version(),
                c.nodeCount(),
                c.workloadCount(),
                Instant.ofEpochMilli(e.createdAt),
                Instant.ofEpochMilli(e.updatedAt),
                snapshot == null ? null : snapshot.state(),
                snapshot == null ? null : snapshot.gpuIndices());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cluster's state", e);
        }
    }
}
