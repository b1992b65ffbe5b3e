package dev.computeplan.placement.api;

import static dev.computeplan.common.WireText.NAME_MAX;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A Kubernetes topology spread constraint of a service: over the domains of {@code topologyKey} (zone, rack,
 * networkDomain, node, the well-known labels {@code topology.kubernetes.io/zone} and {@code kubernetes.io/hostname},
 * or any node label such as an NVLink domain), the service's replicas differ by at most {@code maxSkew} between the
 * fullest and the emptiest domain. {@code whenUnsatisfiable}: DoNotSchedule (default, hard) or ScheduleAnyway (soft).
 */
public record TopologySpreadDto(
        @NotBlank @Size(max = 253) String topologyKey,
        @NotNull @Positive Integer maxSkew,
        @Size(max = NAME_MAX) String whenUnsatisfiable) {

    public static final String DO_NOT_SCHEDULE = "DoNotSchedule";
    public static final String SCHEDULE_ANYWAY = "ScheduleAnyway";

    /** Hard unless ScheduleAnyway. */
    public boolean hard() {
        return !SCHEDULE_ANYWAY.equals(whenUnsatisfiable);
    }
}
