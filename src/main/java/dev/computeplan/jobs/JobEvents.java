package dev.computeplan.jobs;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for a job: a {@code best} event per new best solution and a {@code status} event per state
 * change; the stream ends after the final state. Reads the database, so it works whichever replica solves.
 */
public class JobEvents implements SmartLifecycle {

    private final JobStore store;
    private final long pollMillis;
    private final Map<SseEmitter, Watch> watches = new ConcurrentHashMap<>();
    private ScheduledExecutorService poller;
    private volatile boolean running;

    public JobEvents(JobStore store, long pollMillis) {
        this.store = store;
        this.pollMillis = pollMillis;
    }

    public SseEmitter open(JobRecord job) {
        SseEmitter emitter = new SseEmitter(0L);
        Watch watch = new Watch(job.kind(), job.id());
        emitter.onCompletion(() -> watches.remove(emitter));
        emitter.onTimeout(() -> watches.remove(emitter));
        emitter.onError(e -> watches.remove(emitter));
        watches.put(emitter, watch);
        poll(emitter, watch);
        return emitter;
    }

    private void pollAll() {
        watches.forEach(this::poll);
    }

    private void poll(SseEmitter emitter, Watch watch) {
        synchronized (watch) {
            if (watch.done) {
                return;
            }
            try {
                JobRecord job =
                        store.find(watch.kind, watch.id, JobStore.Load.SUMMARY).orElse(null);
                if (job == null) {
                    watch.done = true;
                    emitter.complete();
                    return;
                }
                if (job.bestCount() != watch.bestCount && job.score() != null) {
                    watch.bestCount = job.bestCount();
                    emitter.send(SseEmitter.event()
                            .name("best")
                            .id(job.id() + ":" + job.bestCount())
                            .data(new BestEvent(job.bestCount(), job.score()), MediaType.APPLICATION_JSON));
                }
                if (job.status() != watch.status) {
                    watch.status = job.status();
                    emitter.send(SseEmitter.event()
                            .name("status")
                            .data(new StatusEvent(job.status(), job.score(), job.error()), MediaType.APPLICATION_JSON));
                }
                if (job.status().isFinal()) {
                    watch.done = true;
                    watches.remove(emitter);
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException e) {
                watch.done = true;
                watches.remove(emitter);
            } catch (RuntimeException e) {
                // Database hiccup: try again at the next tick.
            }
        }
    }

    /** Payload of a {@code best} event. */
    public record BestEvent(int bestSolutions, String score) {}

    /** Payload of a {@code status} event. */
    public record StatusEvent(JobStatus status, String score, String error) {}

    private static final class Watch {
        final String kind;
        final String id;
        int bestCount;
        JobStatus status;
        boolean done;

        Watch(String kind, String id) {
            this.kind = kind;
            this.id = id;
        }
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-events");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollAll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
        watches.keySet().forEach(SseEmitter::complete);
        watches.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
