package dev.computeplan.power.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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
        @NotBlank @Size(max = 200) String id,
        @NotNull LocalDateTime release,
        @NotNull LocalDateTime deadline,
        @Positive @DecimalMax("10000000") double workGpuHours,
        @Min(1) @Max(100_000) int gpus,
        boolean interruptible,
        @Min(0) @Max(100_000) int minRunMinutes,
        @Min(0) @Max(100_000) int checkpointOverheadMinutes,
        @Size(max = 16) List<@NotNull @Valid PowerLevel> levels,
        String gpuModel,
        @Min(1) @Max(1000) int priority,
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
