package dev.computeplan.placement.domain;

import java.util.Objects;

/**
 * A group of workloads (replicas, ROADEF processes of one service).
 *
 * @param id           name
 * @param antiAffinity if true, no two workloads of this service share a node (ROADEF "conflict")
 * @param spreadMin    the assigned workloads of this service occupy at least min(spreadMin, assigned) distinct zones (0 or 1 = no rule)
 */
public record Service(String id, boolean antiAffinity, int spreadMin) {

    public Service {
        Objects.requireNonNull(id, "id");
        if (spreadMin < 0) {
            throw new IllegalArgumentException("spreadMin must be >= 0");
        }
    }
}
