package dev.computeplan.placement.domain;

import java.util.Objects;

/**
 * A rack (or PDU): a power domain shared by its nodes.
 *
 * @param id            name
 * @param powerCapWatts the estimated draw of the rack's busy nodes must stay at or under this; {@code 0} = no cap
 */
public record Rack(String id, long powerCapWatts) {

    public Rack {
        Objects.requireNonNull(id, "id");
    }

    public boolean capped() {
        return powerCapWatts > 0;
    }
}
