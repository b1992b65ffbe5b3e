package dev.computeplan.placement.api;

import static dev.computeplan.common.WireText.NAME_MAX;
import static dev.computeplan.common.WireText.NAME_MESSAGE;
import static dev.computeplan.common.WireText.NAME_PATTERN;
import static dev.computeplan.common.WireText.emptyAsAbsent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The Kubernetes-shaped parts of a placement request: disruption budgets and topology spread constraints. */
public final class KubernetesRequest {

    private KubernetesRequest() {}

    /**
     * A PodDisruptionBudget: it covers the workloads whose labels contain every {@code selector} entry, and those listed
     * in {@code workloads}. A plan may disrupt (move or evict) at most {@code maxUnavailable} of its running workloads, or
     * keep at least {@code minAvailable} of them where they run; give exactly one of the two.
     */
    public record DisruptionBudgetDto(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String id,

            Map<@Size(max = 317) String, @Size(max = 63) String> selector,
            List<@NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String>
                    workloads,
            @PositiveOrZero Integer maxUnavailable,
            @PositiveOrZero Integer minAvailable) {

        public DisruptionBudgetDto {
            selector = emptyAsAbsent(selector);
            workloads = emptyAsAbsent(workloads);
        }

        /** Whether the budget covers a workload with this id and these labels. */
        public boolean covers(String workloadId, Map<String, String> labels) {
            if (workloads != null && workloads.contains(workloadId)) {
                return true;
            }
            return selector != null
                    && labels != null
                    && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

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
}
