package dev.computeplan.power.api;

import dev.computeplan.common.Violation;
import dev.computeplan.power.model.GpuCurves;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.ResolvedGrid;
import java.util.List;
import java.util.Map;

/** The site's rules: known GPU models, busy ≥ idle, one PUE source, and a fixed load within the cap. */
final class SiteRules {

    private SiteRules() {}

    static void validate(PowerRequest.Site site, ResolvedGrid grid, List<Violation> out) {
        if (site == null) {
            return;
        }
        if (site.gpus() != null) {
            for (String model : site.gpus().keySet()) {
                if (!GpuCurves.known().contains(model)) {
                    out.add(new Violation("$.site.gpus." + model, "unknown GPU model; known: " + GpuCurves.known()));
                }
            }
        }
        if (site.busyWPerGpu() < site.idleWPerGpu()) {
            out.add(new Violation("$.site.busyWPerGpu", "must be at least idleWPerGpu (" + site.idleWPerGpu() + ")"));
        }
        if (site.busyWPerNode() < site.idleWPerNode()) {
            out.add(new Violation(
                    "$.site.busyWPerNode", "must be at least idleWPerNode (" + site.idleWPerNode() + ")"));
        }
        if (site.pue() != null && site.pueSeries() != null) {
            out.add(new Violation("$.site.pue", "give at most one of pue and pueSeries"));
        }
        if (site.pueSeries() != null && site.pueSeries().size() != grid.steps()) {
            out.add(new Violation(
                    "$.site.pueSeries",
                    "has " + site.pueSeries().size() + " values but the grid has " + grid.steps() + " steps"));
        }
        if (out.isEmpty() && grid.hasCap()) {
            fixedLoadWithinCap(PowerMapper.site(site), grid, out);
        }
    }

    /** The always-on load (PUE × (base + idle inventory)) must leave room under the cap at every step. */
    private static void fixedLoadWithinCap(
            dev.computeplan.power.model.Site site, ResolvedGrid grid, List<Violation> out) {
        for (int t = 0; t < grid.steps(); t++) {
            if (site.jobRoomKw(grid, t) < 0) {
                out.add(new Violation(
                        "$.site",
                        "at step " + t + " PUE × (base load + idle servers) = "
                                + site.pueAt(t) * (grid.baseKw()[t] + site.idleKw()) + " kW exceeds the cap "
                                + grid.capKw()[t] + " kW: no schedule can hold the cap"));
                return;
            }
        }
    }

    /** With an inventory, a job names a GPU model the site has, and no more of them than it has. */
    static void validateJob(PowerJob job, String path, dev.computeplan.power.model.Site site, List<Violation> out) {
        Map<String, Integer> gpus = site.gpus();
        if (gpus == null) {
            return;
        }
        Integer have = job.gpuModel() == null ? null : gpus.get(job.gpuModel());
        if (have == null) {
            out.add(new Violation(
                    path + ".gpuModel",
                    "the site counts GPUs per model " + gpus.keySet() + ": name the model this job runs on"));
        } else if (job.gpus() > have && !job.mayBeDropped()) {
            out.add(new Violation(
                    path + ".gpus",
                    "needs " + job.gpus() + " GPUs of model " + job.gpuModel() + " but the site has " + have
                            + "; allow mayBeDropped or add GPUs"));
        }
    }
}
