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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Thousands of malformed and mutated bodies at every POST endpoint: the service must answer each one without a 5xx.
 * Seeds are the example scenarios of every kind, so mutations reach deep into each kind's schema and validation.
 */
class FuzzedBodiesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext context;
    private static Http http;
    private static List<String> kinds;
    private static List<JsonNode> seeds;
    /** Every POST path of the served spec: {kind} paths are tried with each kind, the others with their own kind. */
    private static List<String> postPaths;

    private static Path dataDir;

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
                        "--computeplan.jobs.default-time-limit=1s",
                        "--logging.level.root=WARN");
        http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
        postPaths = new ArrayList<>();
        http.get("/v3/api-docs").json().get("paths").fields().forEachRemaining(e -> {
            if (e.getValue().has("post")) {
                postPaths.add(e.getKey());
            }
        });
        ExampleCatalog catalog = context.getBean(ExampleCatalog.class);
        seeds = new ArrayList<>();
        kinds = new ArrayList<>();
        kinds.add("countdown");
        seeds.add(
                JSON.readTree(
                        "{\"target\": 3, \"stepMillis\": 10, \"items\": [{\"name\": \"a\", \"weight\": 1, \"dependsOn\": \"a\"}]}"));
        for (ExampleCatalog.Example example : catalog.list()) {
            seeds.add(JSON.readTree(catalog.body(example.name())));
            if (!kinds.contains(example.kind())) {
                kinds.add(example.kind());
            }
        }
    }

    @AfterContainer
    static void stop() throws IOException {
        if (context != null) {
            context.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    @Property(tries = 1500)
    void mutatedProblemsNeverCause5xx(
            @ForAll("mutatedBodies") Map.Entry<String, String> kindAndBody,
            @ForAll("endpointIndex") int endpointIndex) {
        String kind = kindAndBody.getKey();
        List<String> paths = postPaths.stream()
                .filter(p -> p.contains("{kind}") || p.startsWith("/api/v1/" + kind + "/"))
                .toList();
        String path = paths.get(endpointIndex % paths.size()).replace("{kind}", kind);
        Http.Response r = http.post(path, kindAndBody.getValue());
        assertThat(r.status())
                .as("%s with body %s answered %s", path, abbreviate(kindAndBody.getValue()), r.body())
                .isLessThan(500);
        if (r.status() >= 400) {
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Property(tries = 500)
    void arbitraryTextNeverCauses5xx(
            @ForAll("kindNames") String kind, @ForAll("junk") String body, @ForAll("endpoints") String endpoint) {
        Http.Response r = http.post("/api/v1/" + kind + endpoint, body);
        assertThat(r.status())
                .as("body %s answered %s", abbreviate(body), r.body())
                .isLessThan(500);
    }

    @Property(tries = 400)
    void getEndpointsWithOddParametersNeverCause5xx(@ForAll("getCalls") String pathAndQuery) {
        Http.Response r = http.get(pathAndQuery);
        assertThat(r.status())
                .as("GET %s answered %s", pathAndQuery, abbreviate(r.body()))
                .isLessThan(500);
    }

    @Provide
    Arbitrary<String> getCalls() {
        List<JsonNode> operations = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        http.get("/v3/api-docs").json().get("paths").fields().forEachRemaining(e -> {
            if (e.getValue().has("get") && !e.getKey().endsWith("/events")) {
                paths.add(e.getKey());
                operations.add(e.getValue().get("get"));
            }
        });
        List<String> ids = new ArrayList<>(
                List.of("nope", "0", "-1", "%20", "x".repeat(300), "..%2F..", "00000000-0000-0000-0000-000000000000"));
        for (String kind : kinds) {
            http.get("/api/v1/" + kind + "/jobs?size=5")
                    .json()
                    .path("items")
                    .forEach(j -> ids.add(j.get("id").asText()));
        }
        List<String> values = List.of("", "0", "-5", "abc", "99999999999999999999", "1.5", "train-a-0", "%00", "true");
        return Combinators.combine(Arbitraries.integers().between(0, paths.size() - 1), Arbitraries.longs())
                .as((i, seed) -> {
                    Random random = new Random(seed);
                    String path = paths.get(i);
                    List<String> kindChoices = new ArrayList<>(kinds);
                    kindChoices.add("nosuchkind");
                    path = path.replace("{kind}", kindChoices.get(random.nextInt(kindChoices.size())));
                    while (path.contains("{")) {
                        int open = path.indexOf('{');
                        int close = path.indexOf('}', open);
                        path = path.substring(0, open)
                                + ids.get(random.nextInt(ids.size()))
                                + path.substring(close + 1);
                    }
                    StringBuilder query = new StringBuilder();
                    for (JsonNode param : operations.get(i).path("parameters")) {
                        if ("query".equals(param.path("in").asText()) && random.nextBoolean()) {
                            query.append(query.length() == 0 ? "?" : "&")
                                    .append(param.get("name").asText())
                                    .append('=')
                                    .append(values.get(random.nextInt(values.size())));
                        }
                    }
                    return path + query;
                });
    }

    @Provide
    Arbitrary<Integer> endpointIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of("/jobs", "/validate");
    }

    @Provide
    Arbitrary<String> kindNames() {
        return Arbitraries.of(kinds);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of(
                        "",
                        "null",
                        "[]",
                        "{}",
                        "0",
                        "\"x\"",
                        "{\"termination\": {\"seconds\": -1}}",
                        "{\"a\":",
                        "[{}]",
                        "{\"termination\": null}",
                        "\u0000",
                        "{\"x\": 1e999}"));
    }

    @Provide
    Arbitrary<Map.Entry<String, String>> mutatedBodies() {
        Arbitrary<Integer> seedIndex = Arbitraries.integers().between(0, seeds.size() - 1);
        Arbitrary<Long> randomSeed = Arbitraries.longs();
        Arbitrary<Integer> mutations = Arbitraries.integers().between(1, 4);
        return Combinators.combine(seedIndex, randomSeed, mutations).as((i, s, m) -> {
            Random random = new Random(s);
            JsonNode body = seeds.get(i).deepCopy();
            for (int k = 0; k < m; k++) {
                body = mutate(body, random);
            }
            String kind = i == 0 ? "countdown" : kindOfSeed(i);
            String text = body.toString();
            if (random.nextInt(10) == 0) {
                text = text.substring(0, random.nextInt(Math.max(1, text.length())));
            }
            return Map.entry(kind, text);
        });
    }

    private static String kindOfSeed(int index) {
        ExampleCatalog catalog = context.getBean(ExampleCatalog.class);
        return catalog.list().get(index - 1).kind();
    }

    /** Replaces, removes or duplicates one randomly chosen node of the tree. */
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
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, randomValue(random));
                case 2 -> object.set(name + "x", randomValue(random));
                default -> object.set(name, tweak(object.get(name), random));
            }
        } else if (target instanceof ArrayNode array && array.size() > 0) {
            int index = random.nextInt(array.size());
            switch (random.nextInt(4)) {
                case 0 -> array.remove(index);
                case 1 -> array.set(index, randomValue(random));
                case 2 -> array.add(array.get(index).deepCopy());
                default -> array.set(index, tweak(array.get(index), random));
            }
        }
        return root;
    }

    private static JsonNode tweak(JsonNode value, Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value.isIntegralNumber()) {
            long[] choices = {
                0, -1, -value.asLong(), value.asLong() * 1000, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE
            };
            return f.numberNode(choices[random.nextInt(choices.length)]);
        }
        if (value.isNumber()) {
            double[] choices = {0, -1, -value.asDouble(), value.asDouble() * 1e6, 1e308, Double.MIN_VALUE};
            return f.numberNode(choices[random.nextInt(choices.length)]);
        }
        if (value.isTextual()) {
            String[] choices = {"", " ", value.asText() + "-unknown", "x".repeat(300), "Ä/\\\"'", "null"};
            return f.textNode(choices[random.nextInt(choices.length)]);
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

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}
