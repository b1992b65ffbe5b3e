package dev.computeplan.procurement.model;

import java.util.List;

/**
 * Two-stage planning over scenarios: the decisions of the first {@code firstStageQuarters} quarters (orders placed,
 * leases signed, existing servers kept) are taken once for all scenarios, the rest adapts to each. Null = 4.
 */
public record TwoStage(Integer firstStageQuarters, List<Scenario> scenarios) {

    public TwoStage {
        firstStageQuarters = firstStageQuarters == null ? 4 : firstStageQuarters;
        scenarios = scenarios == null ? List.of() : scenarios;
    }
}
