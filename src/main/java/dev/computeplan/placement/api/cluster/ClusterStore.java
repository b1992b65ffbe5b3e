package dev.computeplan.placement.api.cluster;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The clusters' tables: a snapshot per cluster and the changes after it, written by compare-and-set on version. */
public class ClusterStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ClusterStore(DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = tx;
    }

    /** One cluster's row; times are epoch milliseconds. */
    public record Row(
            String id,
            String tenant,
            long version,
            String snapshot,
            long snapshotVersion,
            long createdAt,
            long updatedAt) {}

    public void insert(String id, String tenant, String snapshot, long now) {
        jdbc.update(
                "INSERT INTO placement_cluster (id, tenant, version, snapshot, snapshot_version, created_at, updated_at) "
                        + "VALUES (?, ?, 0, ?, 0, ?, ?)",
                id,
                tenant,
                snapshot,
                now,
                now);
    }

    public Optional<Row> find(String id) {
        return jdbc
                .query(
                        "SELECT id, tenant, version, snapshot, snapshot_version, created_at, updated_at "
                                + "FROM placement_cluster WHERE id = ?",
                        (rs, i) -> new Row(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getLong(6),
                                rs.getLong(7)),
                        id)
                .stream()
                .findFirst();
    }

    /** The version now, or empty when the cluster is gone. */
    public Optional<Long> version(String id) {
        return jdbc.queryForList("SELECT version FROM placement_cluster WHERE id = ?", Long.class, id).stream()
                .findFirst();
    }

    /** The changes after {@code version}, oldest first. */
    public List<String> eventsAfter(String id, long version) {
        return jdbc.queryForList(
                "SELECT events FROM placement_cluster_event WHERE cluster_id = ? AND version > ? ORDER BY version",
                String.class,
                id,
                version);
    }

    /**
     * Records a change: moves the version from {@code expected} to {@code expected + 1}; with a snapshot, also
     * replaces the snapshot and drops the changes it holds. False when another writer moved the version first.
     */
    public boolean append(String id, long expected, String events, String snapshot, long now) {
        Boolean done = tx.execute(status -> {
            long next = expected + 1;
            int moved = jdbc.update(
                    "UPDATE placement_cluster SET version = ?, updated_at = ? WHERE id = ? AND version = ?",
                    next,
                    now,
                    id,
                    expected);
            if (moved != 1) {
                return false;
            }
            if (snapshot == null) {
                jdbc.update(
                        "INSERT INTO placement_cluster_event (cluster_id, version, events) VALUES (?, ?, ?)",
                        id,
                        next,
                        events);
            } else {
                jdbc.update(
                        "UPDATE placement_cluster SET snapshot = ?, snapshot_version = ? WHERE id = ?",
                        snapshot,
                        next,
                        id);
                jdbc.update("DELETE FROM placement_cluster_event WHERE cluster_id = ?", id);
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    public boolean delete(String id) {
        Boolean done = tx.execute(status -> {
            jdbc.update("DELETE FROM placement_cluster_event WHERE cluster_id = ?", id);
            return jdbc.update("DELETE FROM placement_cluster WHERE id = ?", id) == 1;
        });
        return Boolean.TRUE.equals(done);
    }
}
