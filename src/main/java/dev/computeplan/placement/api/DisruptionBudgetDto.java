package dev.computeplan.placement.api;

import static dev.computeplan.common.WireText.NAME_MAX;
import static dev.computeplan.common.WireText.NAME_MESSAGE;
import static dev.computeplan.common.WireText.NAME_PATTERN;
import static dev.computeplan.common.WireText.emptyAsAbsent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A PodDisruptionBudget: it covers the workloads whose labels contain every {@code selector} entry, and those listed
 * in {@code workloads}. A plan may disrupt (move or evict) at most {@code maxUnavailable} of its running workloads, or
 * keep at least {@code minAvailable} of them where they run; give exactly one of the two.
 */
public record DisruptionBudgetDto(
        @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
        String id,

        Map<@Size(max = 317) String, @Size(max = 63) String> selector,
        List<@NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE) String> workloads,
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
