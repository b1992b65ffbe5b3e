package dev.computeplan.procurement;

import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Variant;
import java.util.List;

/** Hand-solved fixtures for tests in sub-packages. */
public final class FixturesAccess {

    private FixturesAccess() {
    }

    /** The two-accelerator case with one what-if (purchase price x2). */
    public static ProcurementProblem twoAcceleratorsWithVariant() {
        ProcurementProblem base = Fixtures.twoAccelerators(1.0, true);
        return new ProcurementProblem(1, null, base.catalogue(), base.sites(), base.workloads(), base.policy(),
                List.of(new Variant("price x2", 2.0, null, null, null, null, null)));
    }
}
