package dev.computeplan.roadef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadefReaderTest {

    @Test
    void readsEveryFieldOfTheTinyInstance() {
        RoadefInstance in = RoadefTestData.tiny();
        assertThat(in.resourceCount()).isEqualTo(2);
        assertThat(in.isTransient(0)).isFalse();
        assertThat(in.isTransient(1)).isTrue();
        assertThat(in.loadCostWeight(0)).isEqualTo(10);
        assertThat(in.machineCount()).isEqualTo(3);
        assertThat(in.neighborhood(2)).isEqualTo(1);
        assertThat(in.location(1)).isEqualTo(1);
        assertThat(in.capacity(2, 1)).isEqualTo(10);
        assertThat(in.safetyCapacity(0, 0)).isEqualTo(8);
        assertThat(in.machineMoveCost(1, 2)).isEqualTo(3);
        assertThat(in.machineMoveCost(2, 0)).isEqualTo(2);
        assertThat(in.serviceCount()).isEqualTo(3);
        assertThat(in.spreadMin(0)).isEqualTo(2);
        assertThat(in.dependsOnCount(1)).isEqualTo(1);
        assertThat(in.dependsOn(1, 0)).isZero();
        assertThat(in.dependentCount(0)).isEqualTo(1);
        assertThat(in.dependent(0, 0)).isEqualTo(1);
        assertThat(in.processCount()).isEqualTo(5);
        assertThat(in.service(3)).isEqualTo(2);
        assertThat(in.requirement(3, 1)).isEqualTo(6);
        assertThat(in.processMoveCost(4)).isEqualTo(19);
        assertThat(in.serviceSize(2)).isEqualTo(2);
        assertThat(in.balanceCount()).isEqualTo(1);
        assertThat(in.balanceTarget(0)).isEqualTo(2);
        assertThat(in.balanceWeight(0)).isEqualTo(5);
        assertThat(in.processMoveWeight()).isEqualTo(3);
        assertThat(in.serviceMoveWeight()).isEqualTo(100);
        assertThat(in.machineMoveWeight()).isEqualTo(1000);
        assertThat(in.initialAssignment()).containsExactly(0, 1, 0, 2, 1);
        assertThat(in.neighborhoodCount()).isEqualTo(2);
        assertThat(in.locationCount()).isEqualTo(2);
    }

    @Test
    void readsTheLargestSetAInstance() {
        RoadefInstance in = RoadefTestData.load("a2_3");
        assertThat(in.processCount()).isEqualTo(1000);
        assertThat(in.machineCount()).isEqualTo(100);
    }

    @Test
    void rejectsTruncatedModelNamingWhatWasExpected() {
        String truncated = RoadefTestData.TINY_MODEL.substring(0, RoadefTestData.TINY_MODEL.indexOf("5\n0 5 2 7"));
        assertThatThrownBy(() -> RoadefReader.parse(truncated, RoadefTestData.TINY_ASSIGNMENT))
                .isInstanceOf(RoadefFormatException.class)
                .hasMessageContaining("end of file")
                .hasMessageContaining("number of processes");
    }

    @Test
    void rejectsNonIntegerToken() {
        String bad = RoadefTestData.TINY_MODEL.replace("0 5 2 7", "0 5 x 7");
        assertThatThrownBy(() -> RoadefReader.parse(bad, RoadefTestData.TINY_ASSIGNMENT))
                .isInstanceOf(RoadefFormatException.class)
                .hasMessageContaining("requirement of process 0 resource 1");
    }

    @Test
    void rejectsUnknownMachineAndWrongLengthInAssignment() {
        assertThatThrownBy(() -> RoadefReader.parse(RoadefTestData.TINY_MODEL, "0 1 0 3 1"))
                .isInstanceOf(RoadefFormatException.class)
                .hasMessageContaining("machine of process 3");
        assertThatThrownBy(() -> RoadefReader.parse(RoadefTestData.TINY_MODEL, "0 1 0 2"))
                .isInstanceOf(RoadefFormatException.class)
                .hasMessageContaining("end of file");
        assertThatThrownBy(() -> RoadefReader.parse(RoadefTestData.TINY_MODEL, "0 1 0 2 1 1"))
                .isInstanceOf(RoadefFormatException.class)
                .hasMessageContaining("extra data");
    }

    @Test
    void rejectsUnknownServiceInDependency() {
        String bad = RoadefTestData.TINY_MODEL.replace("1 1 0\n", "1 1 7\n");
        assertThatThrownBy(() -> RoadefReader.parse(bad, RoadefTestData.TINY_ASSIGNMENT))
                .isInstanceOf(RoadefFormatException.class)
                .hasMessageContaining("dependency 0 of service 1");
    }

    @Test
    void rejectsSelfDependencyAndBadTransientFlag() {
        String selfDependent = RoadefTestData.TINY_MODEL.replace("1 1 0\n", "1 1 1\n");
        assertThatThrownBy(() -> RoadefReader.parse(selfDependent, RoadefTestData.TINY_ASSIGNMENT))
                .isInstanceOf(RoadefFormatException.class)
                .hasMessageContaining("service 1 depends on itself");
        String badFlag = RoadefTestData.TINY_MODEL.replaceFirst("0 10\n", "2 10\n");
        assertThatThrownBy(() -> RoadefReader.parse(badFlag, RoadefTestData.TINY_ASSIGNMENT))
                .isInstanceOf(RoadefFormatException.class)
                .hasMessageContaining("must be 0 or 1");
    }

    @Test
    void writtenSolutionReadsBack(@TempDir Path dir) throws Exception {
        RoadefInstance in = RoadefTestData.tiny();
        int[] solution = {2, 1, 0, 0, 1};
        Path file = dir.resolve("out/solution.txt");
        RoadefSolutionWriter.write(file, solution);
        assertThat(RoadefReader.readSolution(file, in)).containsExactly(solution);
        assertThat(RoadefSolutionWriter.format(solution)).isEqualTo("2 1 0 0 1\n");
    }
}
