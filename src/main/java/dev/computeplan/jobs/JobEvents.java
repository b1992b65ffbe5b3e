package dev.computeplan.jobs;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for a job: a {@code best} event per new best solution and a {@code status} event per state
 * change; the stream ends after the final state. Reads the database, so it works whichever replica solves. One poller
 * per replica reads every watched job in a single query per tick and fans the rows out to the open streams, so the
 * load on the database grows with the replicas, not with the streams.
 */
public class JobEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

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
        // the state as it is now, from the row the caller has just read: no extra query
        deliver(emitter, watch, job);
        return emitter;
    }

    /** Streams open on this replica (for tests and the log). */
    int openStreams() {
        return watches.size();
    }

    /** One tick: every watched job read in one query, each row handed to every stream that follows it. */
    void pollAll() {
        if (watches.isEmpty()) {
            return;
        }
        Set<String> ids = watches.values().stream().map(w -> w.id).collect(Collectors.toSet());
        Map<String, JobRecord> rows;
        try {
            rows = store.findSummaries(ids);
        } catch (RuntimeException e) {
            // database hiccup: try again at the next tick
            log.debug("Polling {} job(s) for events failed: {}", ids.size(), e.toString());
            return;
        }
        watches.forEach((emitter, watch) -> {
            try {
                deliver(emitter, watch, rows.get(watch.id));
            } catch (RuntimeException e) {
                // one broken stream must not end the poller for the others
                log.debug("Event for job {} not delivered: {}", watch.id, e.toString());
            }
        });
    }

    /** Sends what changed since the stream's last event; {@code job} null means it is gone (deleted). */
    private void deliver(SseEmitter emitter, Watch watch, JobRecord job) {
        synchronized (watch) {
            if (watch.done) {
                return;
            }
            try {
                if (job == null || !job.kind().equals(watch.kind)) {
                    finish(emitter, watch);
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
                    finish(emitter, watch);
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away
                watch.done = true;
                watches.remove(emitter);
            }
        }
    }

    private void finish(SseEmitter emitter, Watch watch) {
        watch.done = true;
        watches.remove(emitter);
        emitter.complete();
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
