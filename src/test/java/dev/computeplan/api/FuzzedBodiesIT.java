package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.ComputeplanApplication;
import dev.computeplan.jobs.Http;
import dev.computeplan.jobs.TestKindConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Ten thousand hostile requests over real HTTP: mutations of every example at every POST endpoint, bodies no parser
 * should choke on (50,000 levels of nesting, 100,000-digit numbers, 1e999999, control characters, lone surrogates,
 * invalid UTF-8, duplicate keys), odd query parameters at every GET path, encoded and overlong paths, every method
 * and wrong content types. The service must answer each one below 500, and every 4xx as a problem+json body whose
 * {@code status} is the HTTP status.
 */
class FuzzedBodiesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext context;
    private static RawHttp raw;
    private static List<String> kinds;
    private static List<String> seedKinds;
    private static List<JsonNode> seeds;
    /** Every POST path of the served spec: {kind} paths are tried with each kind, the others with their own kind. */
    private static List<String> postPaths;
    /** Every GET path of the served spec but the event stream, with its operation. */
    private static List<String> getPaths;

    private static List<JsonNode> getOperations;
    private static List<byte[]> hostileBodyList;
    private static Path dataDir;
    /** Requests per try, sent on {@link #POOL}'s two threads. */
    private static final int BATCH = 5;

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    @BeforeContainer
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("computeplan-fuzz");
        context = new SpringApplicationBuilder(ComputeplanApplication.class, TestKindConfig.class)
                .run(
                        "--server.port=0",
                        "--computeplan.data-dir=" + dataDir,
                        "--computeplan.jobs.workers=1",
                        "--computeplan.jobs.queue-capacity=3",
                        "--computeplan.jobs.max-time-limit=1s",
                        "--computeplan.jobs.default-time-limit=300ms",
                        "--computeplan.power.workers=1",
                        "--logging.level.root=WARN");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        raw = new RawHttp(port);
        JsonNode spec = new Http(port).get("/v3/api-docs").json();
        postPaths = new ArrayList<>();
        getPaths = new ArrayList<>();
        getOperations = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(e -> {
            if (e.getValue().has("post")) {
                postPaths.add(e.getKey());
            }
            if (e.getValue().has("get") && !e.getKey().endsWith("/events")) {
                getPaths.add(e.getKey());
                getOperations.add(e.getValue().get("get"));
            }
        });
        ExampleCatalog catalog = context.getBean(ExampleCatalog.class);
        seeds = new ArrayList<>();
        seedKinds = new ArrayList<>();
        kinds = new ArrayList<>(List.of("countdown"));
        seeds.add(
                JSON.readTree(
                        "{\"target\": 3, \"stepMillis\": 10, \"items\": [{\"name\": \"a\", \"weight\": 1, \"dependsOn\": \"a\"}]}"));
        seedKinds.add("countdown");
        for (ExampleCatalog.Example example : catalog.list()) {
            seeds.add(JSON.readTree(catalog.body(example.name())));
            seedKinds.add(example.kind());
            if (!kinds.contains(example.kind())) {
                kinds.add(example.kind());
            }
        }
        hostileBodyList = HostileBodies.all(catalog.body(catalog.list().get(0).name()));
    }

    @AfterContainer
    static void stop() throws IOException {
        POOL.shutdownNow();
        if (context != null) {
            context.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    /** Below 500; an error is problem+json with a parseable body whose status is the HTTP status. */
    private static void assertAnswered(RawHttp.Response r, String method, String what) {
        assertThat(r.status()).as("%s answered %s", what, abbreviate(r.text())).isLessThan(500);
        if (r.status() >= 400 && !"HEAD".equals(method)) {
            assertThat(r.header("Content-Type"))
                    .as("%s answered %s %s", what, r.status(), abbreviate(r.text()))
                    .startsWith("application/problem+json");
            JsonNode problem;
            try {
                problem = JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError(what + " answered a problem that is not JSON: " + r.text(), e);
            }
            assertThat(problem.path("status").asInt())
                    .as("%s answered %s with %s", what, r.status(), abbreviate(r.text()))
                    .isEqualTo(r.status());
        }
    }

    private static RawHttp.Response post(String path, byte[] body, String contentType) {
        return raw.send("POST", path, contentType, body, "*/*");
    }

    /** Runs the checks of one try on two client threads; the first failure fails the try. */
    private static void inParallel(List<Runnable> checks) {
        List<Future<?>> running = checks.stream().<Future<?>>map(POOL::submit).toList();
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AssertionError failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The job endpoints every kind is served on, plus the kind's own POST paths of the spec. */
    private static List<String> postPathsOf(String kind) {
        java.util.Set<String> paths =
                new java.util.LinkedHashSet<>(List.of("/api/v1/" + kind + "/jobs", "/api/v1/" + kind + "/validate"));
        postPaths.stream()
                .filter(p -> p.contains("{kind}") || p.startsWith("/api/v1/" + kind + "/"))
                .map(p -> p.replace("{kind}", kind))
                .forEach(paths::add);
        return List.copyOf(paths);
    }

    @Property(tries = 4000 / BATCH)
    void mutatedExamplesNeverCause5xx(@ForAll("mutatedBodies") List<Mutated> batch) {
        inParallel(batch.stream()
                .<Runnable>map(m -> () -> {
                    List<String> paths = postPathsOf(m.kind());
                    String path = paths.get(m.endpoint() % paths.size());
                    RawHttp.Response r = post(path, m.body().getBytes(StandardCharsets.UTF_8), "application/json");
                    assertAnswered(r, "POST", path + " with " + abbreviate(m.body()));
                })
                .toList());
    }

    @Property(tries = 1500 / BATCH)
    void hostileBodiesNeverCause5xx(@ForAll("hostileBodies") List<Hostile> batch) {
        inParallel(batch.stream()
                .<Runnable>map(h -> () -> {
                    List<String> paths = postPathsOf(h.kind());
                    String path = paths.get(h.endpoint() % paths.size());
                    RawHttp.Response r = post(path, h.body(), "application/json");
                    assertAnswered(
                            r, "POST", path + " with " + abbreviate(new String(h.body(), StandardCharsets.UTF_8)));
                })
                .toList());
    }

    @Property(tries = 2000 / BATCH)
    void getPathsWithOddParametersNeverCause5xx(@ForAll("getCalls") List<String> batch) {
        inParallel(batch.stream()
                .<Runnable>map(pathAndQuery -> () -> {
                    RawHttp.Response r = raw.send("GET", pathAndQuery, null, null, "*/*");
                    assertAnswered(r, "GET", "GET " + pathAndQuery);
                })
                .toList());
    }

    @Property(tries = 1500 / BATCH)
    void encodedAndOverlongPathsNeverCause5xx(@ForAll("oddRequests") List<OddRequest> batch) {
        inParallel(batch.stream()
                .<Runnable>map(o -> () -> {
                    boolean withBody = o.method().equals("POST")
                            || o.method().equals("PUT")
                            || o.method().equals("PATCH");
                    RawHttp.Response r = raw.send(
                            o.method(),
                            o.path(),
                            withBody ? "application/json" : null,
                            withBody ? "{}".getBytes(StandardCharsets.UTF_8) : null,
                            "*/*");
                    assertAnswered(r, o.method(), o.method() + " " + RawHttp.abbreviate(o.path()));
                })
                .toList());
    }

    @Property(tries = 1000 / BATCH)
    void wrongContentTypesAndMethodsNeverCause5xx(@ForAll("contentCases") List<ContentCase> batch) {
        inParallel(batch.stream()
                .<Runnable>map(c -> () -> {
                    String kind = seedKinds.get(c.seed());
                    List<String> paths = postPathsOf(kind);
                    String path = paths.get(c.endpoint() % paths.size());
                    byte[] body = seeds.get(c.seed()).toString().getBytes(StandardCharsets.UTF_8);
                    boolean noBody = c.method().equals("GET")
                            || c.method().equals("HEAD")
                            || c.method().equals("DELETE");
                    RawHttp.Response r = raw.send(
                            c.method(),
                            path,
                            c.contentType().isEmpty() ? null : c.contentType(),
                            noBody ? null : body,
                            c.accept());
                    assertAnswered(
                            r,
                            c.method(),
                            c.method() + " " + path + " as " + c.contentType() + ", accepting " + c.accept());
                })
                .toList());
    }

    /** A hostile body for a kind's POST endpoint number {@code endpoint} (modulo their count). */
    record Hostile(byte[] body, String kind, int endpoint) {}

    /** A method and a raw request target. */
    record OddRequest(String method, String path) {}

    /** An example body sent with some content type, accepted type and method. */
    record ContentCase(int seed, String contentType, String accept, String method, int endpoint) {}

    @Provide
    Arbitrary<List<Hostile>> hostileBodies() {
        return Combinators.combine(hostileBody(), kindNames(), endpointIndex())
                .as(Hostile::new)
                .list()
                .ofSize(BATCH);
    }

    @Provide
    Arbitrary<List<OddRequest>> oddRequests() {
        return Combinators.combine(methods(), oddPaths())
                .as(OddRequest::new)
                .list()
                .ofSize(BATCH);
    }

    @Provide
    Arbitrary<List<ContentCase>> contentCases() {
        return Combinators.combine(seedIndex(), contentTypes(), accepts(), methods(), endpointIndex())
                .as(ContentCase::new)
                .list()
                .ofSize(BATCH);
    }

    /** A kind and a mutated request body of that kind. */
    record Mutated(String kind, String body, int endpoint) {}

    @Provide
    Arbitrary<List<Mutated>> mutatedBodies() {
        Arbitrary<Integer> seedIndex = Arbitraries.integers().between(0, seeds.size() - 1);
        return Combinators.combine(
                        seedIndex, Arbitraries.longs(), Arbitraries.integers().between(1, 4))
                .as((i, s, m) -> {
                    Random random = new Random(s);
                    JsonNode body = seeds.get(i).deepCopy();
                    for (int k = 0; k < m; k++) {
                        body = Mutations.mutate(body, random);
                    }
                    String text = Mutations.withMarkersReplaced(body.toString());
                    if (random.nextInt(10) == 0) {
                        text = text.substring(0, random.nextInt(Math.max(1, text.length())));
                    }
                    return new Mutated(seedKinds.get(i), text, random.nextInt(1000));
                })
                .list()
                .ofSize(BATCH);
    }

    private Arbitrary<byte[]> hostileBody() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(hostileBodyList)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
    }

    private Arbitrary<Integer> endpointIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    private Arbitrary<Integer> seedIndex() {
        return Arbitraries.integers().between(0, seeds.size() - 1);
    }

    private Arbitrary<String> kindNames() {
        List<String> names = new ArrayList<>(kinds);
        names.add("nosuchkind");
        return Arbitraries.of(names);
    }

    private Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "BREW");
    }

    private Arbitrary<String> contentTypes() {
        return Arbitraries.of(
                "application/json",
                "application/json; charset=UTF-8",
                "application/json; charset=ISO-8859-1",
                "application/json; charset=UTF-16",
                "application/json; charset=no-such-charset",
                "application/json; charset=",
                "application/problem+json",
                "application/merge-patch+json",
                "text/plain",
                "text/html",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=xyz",
                "multipart/form-data",
                "application/octet-stream",
                "*/*",
                "application/*",
                "json",
                "/",
                ";;;",
                "");
    }

    private Arbitrary<String> accepts() {
        return Arbitraries.of(
                "*/*",
                "application/json",
                "application/problem+json",
                "text/html",
                "text/plain",
                "text/event-stream",
                "application/xml",
                "image/png",
                "application/json;q=0",
                "garbage");
    }

    @Provide
    Arbitrary<List<String>> getCalls() {
        return getCall().list().ofSize(BATCH);
    }

    private Arbitrary<String> getCall() {
        List<String> ids = new ArrayList<>(List.of(
                "nope",
                "0",
                "-1",
                "%20",
                "x".repeat(300),
                "..%2F..",
                "%00",
                "%c0%af",
                "%ff",
                "00000000-0000-0000-0000-000000000000"));
        for (String kind : kinds) {
            try {
                JSON.readTree(raw.send("GET", "/api/v1/" + kind + "/jobs?size=5", null, null, "application/json")
                                .body())
                        .path("items")
                        .forEach(j -> ids.add(j.get("id").asText()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<String> values = List.of(
                "",
                "0",
                "-5",
                "abc",
                "99999999999999999999",
                "1.5",
                "1e3",
                "train-a-0",
                "%00",
                "%ff",
                "true",
                "%c0%af");
        List<String> kindChoices = new ArrayList<>(kinds);
        kindChoices.add("nosuchkind");
        kindChoices.add("%2e%2e");
        return Combinators.combine(Arbitraries.integers().between(0, getPaths.size() - 1), Arbitraries.longs())
                .as((i, seed) -> {
                    Random random = new Random(seed);
                    String path =
                            getPaths.get(i).replace("{kind}", kindChoices.get(random.nextInt(kindChoices.size())));
                    while (path.contains("{")) {
                        int open = path.indexOf('{');
                        int close = path.indexOf('}', open);
                        path = path.substring(0, open)
                                + ids.get(random.nextInt(ids.size()))
                                + path.substring(close + 1);
                    }
                    StringBuilder query = new StringBuilder();
                    for (JsonNode param : getOperations.get(i).path("parameters")) {
                        if ("query".equals(param.path("in").asText()) && random.nextBoolean()) {
                            query.append(query.length() == 0 ? "?" : "&")
                                    .append(param.get("name").asText())
                                    .append('=')
                                    .append(values.get(random.nextInt(values.size())));
                        }
                    }
                    if (random.nextInt(10) == 0) {
                        query.append(query.length() == 0 ? "?" : "&").append("%zz=%");
                    }
                    return path + query;
                });
    }

    private Arbitrary<String> oddPaths() {
        List<String> prefixes = new ArrayList<>(List.of(
                "/api/v1/examples/",
                "/api/v1/",
                "/",
                "/v3/api-docs/",
                "/actuator/",
                "/actuator/health/",
                "/error/",
                "/swagger-ui/",
                "/api/v1/procurement/jobs/x/check/",
                "/api/v1/power/jobs/x/why/"));
        for (String kind : kinds) {
            prefixes.add("/api/v1/" + kind + "/jobs/");
        }
        List<String> pieces = List.of(
                "..%2f..%2fetc%2fpasswd",
                "..%2F..%2F..%2Fetc%2Fpasswd",
                "%5c..%5c..%5cwindows",
                "..\\..\\",
                "%00",
                "a%00b",
                "%c0%af",
                "%c0%ae%c0%ae%c0%af",
                "%e0%80%af",
                "%ff%fe",
                "..;/",
                ";jsessionid=x",
                "%2e%2e/",
                "%252e%252e%252f",
                "%",
                "%zz",
                "%u002e",
                "\u00e9",
                "\u00ff\u00fe",
                "%7b%7d",
                "{}",
                "//",
                "./",
                "../",
                "placement-small",
                "x".repeat(5000),
                "y".repeat(20_000),
                "?page=%00",
                "?size=1e3&page=-1",
                "#frag");
        return Combinators.combine(Arbitraries.of(prefixes), Arbitraries.longs())
                .as((prefix, seed) -> {
                    Random random = new Random(seed);
                    StringBuilder path = new StringBuilder(prefix);
                    int n = 1 + random.nextInt(3);
                    for (int k = 0; k < n; k++) {
                        path.append(pieces.get(random.nextInt(pieces.size())));
                    }
                    return path.toString();
                });
    }

    static String abbreviate(String s) {
        return RawHttp.abbreviate(s);
    }

    /** Tree mutations of an example; markers stand for what a JSON tree cannot hold and are replaced in the text. */
    static final class Mutations {

        static final String DUPLICATE = "__DUP__";
        static final String SURROGATE = "@@SURROGATE@@";
        static final String HUGE = "@@HUGE@@";

        private Mutations() {}

        static String withMarkersReplaced(String text) {
            return text.replace(DUPLICATE + "\"", "\"")
                    .replace("\"" + HUGE + "\"", "1e999999")
                    .replace(SURROGATE, "\\ud800");
        }

        /** Replaces, removes, duplicates or empties one randomly chosen node of the tree. */
        static JsonNode mutate(JsonNode root, Random random) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            if (containers.isEmpty()) {
                return randomValue(random);
            }
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(6)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set(name, randomValue(random));
                    case 2 -> object.set(name + "x", randomValue(random));
                    case 3 -> object.set(name + DUPLICATE, tweak(object.get(name), random));
                    default -> object.set(name, tweak(object.get(name), random));
                }
            } else if (target instanceof ArrayNode array && array.size() > 0) {
                int index = random.nextInt(array.size());
                switch (random.nextInt(5)) {
                    case 0 -> array.remove(index);
                    case 1 -> array.set(index, randomValue(random));
                    case 2 -> array.add(array.get(index).deepCopy());
                    case 3 -> array.removeAll();
                    default -> array.set(index, tweak(array.get(index), random));
                }
            }
            return root;
        }

        private static JsonNode tweak(JsonNode value, Random random) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (value.isIntegralNumber()) {
                long v = value.asLong();
                JsonNode[] choices = {
                    f.numberNode(0),
                    f.numberNode(-1),
                    f.numberNode(-v),
                    f.numberNode(v * 1000),
                    f.numberNode(Integer.MAX_VALUE),
                    f.numberNode(Long.MAX_VALUE),
                    f.numberNode(Long.MIN_VALUE),
                    f.numberNode((double) v),
                    f.numberNode(v + 0.5),
                    f.numberNode(new java.math.BigInteger("9".repeat(30))),
                    f.textNode(HUGE),
                    f.textNode(Long.toString(v))
                };
                return choices[random.nextInt(choices.length)];
            }
            if (value.isNumber()) {
                double v = value.asDouble();
                JsonNode[] choices = {
                    f.numberNode(0),
                    f.numberNode(-1),
                    f.numberNode(-v),
                    f.numberNode(v * 1e6),
                    f.numberNode(1e308),
                    f.numberNode(Double.MIN_VALUE),
                    f.textNode(HUGE)
                };
                return choices[random.nextInt(choices.length)];
            }
            if (value.isTextual()) {
                String v = value.asText();
                String[] choices = {
                    "",
                    " ",
                    v + "-unknown",
                    "x".repeat(129),
                    "x".repeat(5000),
                    "Ä/\\\"'",
                    "null",
                    v + "\u0000",
                    "\u001b[31m" + v,
                    "\u202E" + v,
                    v + "\u0085",
                    v + SURROGATE,
                    "\uD83D\uDE00" + v,
                    v + "\n",
                    "2026-13-45T25:61",
                    "2026-06-01T00:00Z",
                    "2027Q9"
                };
                return f.textNode(choices[random.nextInt(choices.length)]);
            }
            if (value.isArray()) {
                return random.nextBoolean() ? f.arrayNode() : f.nullNode();
            }
            return randomValue(random);
        }

        private static JsonNode randomValue(Random random) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (random.nextInt(9)) {
                case 0 -> f.nullNode();
                case 1 -> f.numberNode(-random.nextInt(1000));
                case 2 -> f.numberNode(random.nextInt(Integer.MAX_VALUE));
                case 3 -> f.numberNode(random.nextDouble() * 1e12);
                case 4 -> f.textNode("s" + random.nextInt(100));
                case 5 -> f.booleanNode(random.nextBoolean());
                case 6 -> f.arrayNode();
                case 7 -> f.objectNode();
                default -> f.arrayNode().add(f.objectNode().put("name", "n" + random.nextInt(5)));
            };
        }

        private static void collect(JsonNode node, List<JsonNode> out) {
            if (node.isContainerNode()) {
                out.add(node);
                Iterator<JsonNode> it = node.elements();
                while (it.hasNext()) {
                    collect(it.next(), out);
                }
            }
        }
    }

    /** Bodies that stress the parser rather than the schema. */
    static final class HostileBodies {

        private HostileBodies() {}

        static List<byte[]> all(String example) {
            List<String> texts = new ArrayList<>(List.of(
                    "",
                    " ",
                    "null",
                    "[]",
                    "{}",
                    "0",
                    "true",
                    "\"x\"",
                    "{\"a\":",
                    "{}{}",
                    "{} trailing",
                    "[{}]",
                    "{\"termination\": null}",
                    "{\"termination\": {\"seconds\": -1}}",
                    "{\"termination\": {\"seconds\": 8.0}}",
                    "{\"termination\": {\"seconds\": 8.5}}",
                    "{\"termination\": {\"seconds\": 1e999999}}",
                    "{\"termination\": {\"seconds\": 1, \"seconds\": 2}}",
                    "{\"termination\": 5}",
                    "{\"x\": 1e999999}",
                    "{\"x\": -1e999999}",
                    "{\"x\": 1e-999999}",
                    "{\"x\": 1E999999999999}",
                    "{\"x\": NaN}",
                    "{\"x\": Infinity}",
                    "{\"x\": 0x10}",
                    "{\"x\": 01}",
                    "{\"a\": 1, \"a\": 2}",
                    "{\"a\": {\"b\": 1, \"b\": 1}}",
                    "{\"\\u0000\": 1}",
                    "{\"a\": \"\\u0000\"}",
                    "{\"a\": \"\\u001b[2J\"}",
                    "{\"a\": \"\u202Eevil\"}",
                    "{\"a\": \"\\ud800\"}",
                    "{\"a\": \"\\udfff\\ud800\"}",
                    "{\"\\ud800\": 1}",
                    "{\"a\": \"\\u\"}",
                    "{'a': 1}",
                    "{a: 1}",
                    "// comment\n{}",
                    "{\"a\": 1,}",
                    "[1,]",
                    "\u0000",
                    "\uFEFF{}",
                    "{\"x\": " + "9".repeat(100_000) + "}",
                    "{\"termination\": {\"seconds\": " + "9".repeat(100_000) + "}}",
                    "{\"x\": 0." + "1".repeat(100_000) + "}",
                    "{\"x\": \"" + "a".repeat(1_000_000) + "\"}",
                    "[".repeat(50_000) + "]".repeat(50_000),
                    "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000),
                    "[".repeat(50_000),
                    "{\"target\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}",
                    "[".repeat(999) + "]".repeat(999),
                    example.replaceFirst("\\{", "{\"termination\": {\"seconds\": 1},"),
                    example.replaceFirst("\\{", "{\"dup\": 1, \"dup\": 2,"),
                    example.substring(0, example.length() / 2)));
            StringBuilder manyKeys = new StringBuilder("{");
            for (int i = 0; i < 20_000; i++) {
                manyKeys.append(i == 0 ? "" : ",")
                        .append("\"k")
                        .append(i)
                        .append("\":")
                        .append(i);
            }
            texts.add(manyKeys.append('}').toString());
            List<byte[]> out = new ArrayList<>();
            for (String t : texts) {
                out.add(t.getBytes(StandardCharsets.UTF_8));
            }
            out.add(bytes("{\"a\": \"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"));
            out.add(bytes("{\"a\": \"", new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}, "\"}"));
            out.add(bytes("{\"a\": \"", new byte[] {(byte) 0xE2, (byte) 0x82}, "\"}"));
            out.add(bytes("{\"a\": \"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"));
            out.add(bytes("", new byte[] {(byte) 0xC3}, "{}"));
            out.add(bytes("{\"", new byte[] {(byte) 0x80}, "\": 1}"));
            out.add("{\"a\": 1}".getBytes(StandardCharsets.UTF_16));
            out.add("{\"a\": 1}".getBytes(StandardCharsets.UTF_16LE));
            out.add(example.getBytes(StandardCharsets.UTF_16BE));
            return out;
        }

        private static byte[] bytes(String before, byte[] middle, String after) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(middle);
            out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }
}
