// Load client for benchmarks/load.sh: N requests from C concurrent clients, mixed submits and GETs, spread over the
// replicas' base URLs and the tenants' API keys. Prints the answers by status and p50/p99 latency per request type;
// exits 1 if any answer was a 5xx (or a connection failed). Plain JDK: run with `java benchmarks/LoadClient.java`.
//
// usage: java LoadClient.java <requests> <clients> <submit-share> <body-file> <base-url,...> <key,...>
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadClient {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    record Sample(String type, int status, long micros) {}

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        double submitShare = Double.parseDouble(args[2]);
        String body = Files.readString(Path.of(args[3]));
        String[] bases = args[4].split(",");
        String[] keys = args[5].split(",");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, List<String>> idsByKey = new ConcurrentHashMap<>();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.execute(() -> {
                while (next.getAndIncrement() < requests) {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    String base = bases[rnd.nextInt(bases.length)];
                    String key = keys[client % keys.length];
                    List<String> ids = idsByKey.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
                    HttpRequest.Builder rq;
                    String type;
                    if (ids.isEmpty() || rnd.nextDouble() < submitShare) {
                        type = "submit";
                        rq = HttpRequest.newBuilder(URI.create(base + "/api/v1/placement/jobs"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body));
                    } else {
                        String id = ids.get(rnd.nextInt(ids.size()));
                        double pick = rnd.nextDouble();
                        type = pick < 0.6 ? "GET job" : pick < 0.8 ? "GET list" : "GET solution";
                        String path = switch (type) {
                            case "GET job" -> "/api/v1/placement/jobs/" + id;
                            case "GET list" -> "/api/v1/placement/jobs?size=20";
                            default -> "/api/v1/placement/jobs/" + id + "/solution";
                        };
                        rq = HttpRequest.newBuilder(URI.create(base + path)).GET();
                    }
                    rq.header("X-API-Key", key).timeout(Duration.ofSeconds(60));
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(rq.build(), HttpResponse.BodyHandlers.ofString());
                        samples.add(new Sample(type, r.statusCode(), (System.nanoTime() - t0) / 1000));
                        if (type.equals("submit") && r.statusCode() == 202) {
                            Matcher m = ID.matcher(r.body());
                            if (m.find()) {
                                // GETs ask for jobs of the caller's own tenant: ids are kept per key
                                ids.add(m.group(1));
                            }
                        }
                    } catch (Exception e) {
                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        report(samples, failures, seconds, requests, clients);
        boolean serverErrors = samples.stream().anyMatch(s -> s.status() >= 500);
        System.exit(serverErrors || !failures.isEmpty() ? 1 : 0);
    }

    private static void report(
            List<Sample> samples, Map<String, Integer> failures, double seconds, int requests, int clients) {
        System.out.printf("%d requests from %d clients in %.1f s (%.0f req/s)%n", requests, clients, seconds,
                samples.size() / seconds);
        Map<String, List<Long>> latency = new TreeMap<>();
        for (Sample s : samples) {
            latency.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s.micros());
            String group = s.type().startsWith("GET") ? "all GETs" : "all submits";
            latency.computeIfAbsent(group, t -> new ArrayList<>()).add(s.micros());
        }
        System.out.println("| request | answers by status | p50 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|");
        for (Map.Entry<String, List<Long>> e : latency.entrySet()) {
            List<Long> l = e.getValue();
            Collections.sort(l);
            Map<Integer, Integer> statuses = new TreeMap<>();
            samples.stream()
                    .filter(s -> s.type().equals(e.getKey())
                            || (e.getKey().equals("all GETs") && s.type().startsWith("GET"))
                            || (e.getKey().equals("all submits") && s.type().equals("submit")))
                    .forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
            System.out.printf("| %s | %s | %.1f | %.1f | %.1f |%n", e.getKey(), statuses, pct(l, 0.50) / 1000.0,
                    pct(l, 0.99) / 1000.0, l.get(l.size() - 1) / 1000.0);
        }
        long fiveXx = samples.stream().filter(s -> s.status() >= 500).count();
        System.out.println("5xx answers: " + fiveXx + "; connection failures: " + failures);
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
