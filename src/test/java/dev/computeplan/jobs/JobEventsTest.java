package dev.computeplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The event streams of a replica share one poll: however many streams are open, on however many jobs, each tick
 * reads the database once. No clock involved: the test calls the ticks itself.
 */
class JobEventsTest {

    private final JobStore store = mock(JobStore.class);
    private final JobEvents events = new JobEvents(store, 60_000);

    @Test
    void manyOpenStreamsCostOneQueryPerTick() {
        List<JobRecord> jobs = new ArrayList<>();
        for (int j = 0; j < 5; j++) {
            jobs.add(solving("job-" + j, 1));
        }
        for (int s = 0; s < 40; s++) {
            events.open(jobs.get(s % jobs.size()));
        }
        assertThat(events.openStreams()).isEqualTo(40);
        when(store.findSummaries(any()))
                .thenReturn(byId(jobs.stream().map(j -> solving(j.id(), 2)).toList()));

        for (int tick = 0; tick < 3; tick++) {
            events.pollAll();
        }

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<String>> ids = ArgumentCaptor.forClass(Collection.class);
        verify(store, times(3)).findSummaries(ids.capture());
        assertThat(ids.getAllValues())
                .allSatisfy(polled -> assertThat(Set.copyOf(polled))
                        .containsExactlyInAnyOrder("job-0", "job-1", "job-2", "job-3", "job-4"));
        // opening read nothing more: the controller's own read of the job is the first event's source
        verifyNoMoreInteractions(store);
    }

    @Test
    void streamsOfFinishedOrDeletedJobsEndAndAreNoLongerPolled() {
        events.open(solving("done", 1));
        events.open(solving("gone", 1));
        events.open(solving("busy", 1));
        when(store.findSummaries(any())).thenReturn(byId(List.of(finished("done"), solving("busy", 3))));

        events.pollAll();

        assertThat(events.openStreams()).isEqualTo(1);
        when(store.findSummaries(any())).thenReturn(byId(List.of(finished("busy"))));
        events.pollAll();
        assertThat(events.openStreams()).isZero();
        events.pollAll();
        // the third tick had nothing to watch: no query
        verify(store, times(2)).findSummaries(any());
    }

    private static Map<String, JobRecord> byId(List<JobRecord> rows) {
        Map<String, JobRecord> out = new java.util.HashMap<>();
        rows.forEach(r -> out.put(r.id(), r));
        return out;
    }

    private static JobRecord solving(String id, int best) {
        return new JobRecord(
                id,
                "countdown",
                JobStatus.SOLVING,
                null,
                10_000,
                "test",
                null,
                "-" + best,
                best,
                null,
                0L,
                0L,
                null,
                0L,
                0L,
                1,
                "r",
                false,
                null);
    }

    private static JobRecord finished(String id) {
        return new JobRecord(
                id,
                "countdown",
                JobStatus.COMPLETED,
                null,
                10_000,
                "test",
                null,
                "-0",
                9,
                null,
                0L,
                0L,
                1L,
                1L,
                1L,
                1,
                null,
                false,
                null);
    }
}
