package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** A network domain hosts a service but not the service it depends on. */
public record DependencyJustification(String serviceId, String dependsOnServiceId, String networkDomain, String description) implements ConstraintJustification {
}
