package dev.computeplan.placement.domain;

import java.util.Objects;

/**
 * Service {@code service} needs {@code dependsOn} nearby: every network domain that hosts a workload of
 * {@code service} must also host a workload of {@code dependsOn} (ROADEF "dependency" over neighbourhoods).
 */
public record ServiceDependency(Service service, Service dependsOn) {

    public ServiceDependency {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(dependsOn, "dependsOn");
    }
}
