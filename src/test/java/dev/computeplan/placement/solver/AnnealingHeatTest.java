package dev.computeplan.placement.solver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The starting temperature the annealing phases of one solve hand on to each other. */
class AnnealingHeatTest {

    @Test
    void aPhaseThatNeverBeatItsStartHandsATenthOfItsTemperatureToTheNext() {
        AnnealingPhase.Heat heat = new AnnealingPhase.Heat(583_662L);
        long first = heat.take(true);
        assertThat(first).isEqualTo(583_662L);
        assertThat(heat.take(false)).as("after a phase that improved").isEqualTo(583_662L);
        heat.failed(first);
        assertThat(heat.take(false)).isEqualTo(58_366L);
        heat.failed(58_366L);
        assertThat(heat.take(false)).isEqualTo(5_836L);
        assertThat(heat.take(true)).as("a first phase starts over, should the configuration be solved again")
                .isEqualTo(583_662L);
    }

    @Test
    void theTemperatureStaysPositive() {
        AnnealingPhase.Heat heat = new AnnealingPhase.Heat(0L);
        assertThat(heat.take(true)).isEqualTo(1L);
        heat.failed(1L);
        assertThat(heat.take(false)).isEqualTo(1L);
    }
}
