package dev.computeplan.power.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A job to place in time. Release and deadline lie on the grid; the job must finish by its deadline
 * unless {@code mayBeLate} (penalised per hour), or be dropped if {@code mayBeDropped} (penalised once).
 *
 * @param workGpuHours              work in GPU-hours at full speed; runtime at a level = work / (gpus × speed)
 * @param interruptible             may pause at step boundaries; each resume costs {@code checkpointOverheadMinutes}
 * @param minRunMinutes             interruptible only: every run lasts at least this long
 * @param levels                    allowed power limits; omit to use the default curve of {@code gpuModel}
 * @param gpuModel                  a known GPU for the default curve ({@link GpuCurves}), used when levels are omitted
 * @param priority                  multiplies the late and drop penalties
 */
public record PowerJob(
        String id,
        LocalDateTime release,
        LocalDateTime deadline,
        double workGpuHours,
        int gpus,
        boolean interruptible,
        int minRunMinutes,
        int checkpointOverheadMinutes,
        List<PowerLevel> levels,
        String gpuModel,
        int priority,
        boolean mayBeLate,
        boolean mayBeDropped) {

    /** The explicit levels, or the default curve of the GPU model (empty if neither is known). */
    public List<PowerLevel> levelsOrDefault() {
        if (levels != null && !levels.isEmpty()) {
            return levels;
        }
        return gpuModel == null ? List.of() : GpuCurves.levels(gpuModel);
    }
}
