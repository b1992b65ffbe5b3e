package dev.computeplan.placement.domain;

import java.util.Objects;

/**
 * A multi-node job: its member workloads are placed all or none, optionally in one rack or network domain.
 *
 * @param id       name
 * @param topology co-location required of the members
 */
public record Gang(String id, GangTopology topology) {

    public Gang {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topology, "topology");
    }
}
