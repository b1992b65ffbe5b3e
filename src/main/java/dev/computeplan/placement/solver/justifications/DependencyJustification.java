package dev.computeplan.placement.solver.justifications;

/** A network domain hosts a service but not the service it depends on. */
public record DependencyJustification(
        String serviceId, String dependsOnServiceId, String networkDomain, String description)
        implements PlacementJustification {}
