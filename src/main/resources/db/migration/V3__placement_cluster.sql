-- A cluster the placement service keeps for online decisions: a snapshot of its state (JSON, the placement
-- request's vocabulary) and, after it, the changes in order. version counts changes; a writer moves it from the
-- version it read to the next (compare-and-set), so two replicas never both write on one version.
CREATE TABLE placement_cluster (
    id               VARCHAR(36)  PRIMARY KEY,
    tenant           VARCHAR(80),
    version          BIGINT       NOT NULL,
    snapshot         TEXT         NOT NULL,
    snapshot_version BIGINT       NOT NULL,
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL
);

CREATE INDEX placement_cluster_tenant ON placement_cluster (tenant, created_at);

-- One row per change after the snapshot: a JSON array of events (a decision's bindings, or a batch sent).
CREATE TABLE placement_cluster_event (
    cluster_id VARCHAR(36) NOT NULL,
    version    BIGINT      NOT NULL,
    events     TEXT        NOT NULL,
    PRIMARY KEY (cluster_id, version)
);
