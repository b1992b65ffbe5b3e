package dev.computeplan.placement.api.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the clusters kept for online decisions ({@code computeplan.placement.clusters.*}).
 *
 * @param snapshotEvery a fresh snapshot replaces a cluster's recorded changes every this many versions (a reload
 *                      replays at most this many)
 */
@ConfigurationProperties("computeplan.placement.clusters")
public record ClusterProperties(@DefaultValue("200") int snapshotEvery) {}
