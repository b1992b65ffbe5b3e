package dev.computeplan.placement.domain;

/** Where the members of a gang must be, beyond all-or-nothing. */
public enum GangTopology {
    /** Any nodes. */
    ANY,
    /** All members in one rack. */
    SAME_RACK,
    /** All members in one network (NVLink/IB) domain. */
    SAME_NETWORK_DOMAIN
}
