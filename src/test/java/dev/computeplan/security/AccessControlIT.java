package dev.computeplan.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.computeplan.jobs.TestKindConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with access control on: API keys (SHA-256 and bcrypt hashes) and JWTs signed by a local key pair
 * standing in for the identity provider. Tenants see only their own jobs, viewers only read, quotas answer 429.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "computeplan.jobs.workers=2",
            "computeplan.jobs.queue-capacity=50",
            "computeplan.jobs.poll-interval=100ms",
            "computeplan.jobs.best-save-interval=20ms",
            "computeplan.security.quotas.max-active-jobs=20",
            "computeplan.security.quotas.requests-per-minute=6000",
            "computeplan.security.quotas.burst=1000",
            "computeplan.security.quotas.tenants.busy.max-active-jobs=2",
            "computeplan.security.quotas.tenants.busy.requests-per-minute=6000",
            "computeplan.security.quotas.tenants.busy.burst=1000",
            "computeplan.security.quotas.tenants.chatty.max-active-jobs=5",
            "computeplan.security.quotas.tenants.chatty.requests-per-minute=1",
            "computeplan.security.quotas.tenants.chatty.burst=3"
        })
@Import(TestKindConfig.class)
class AccessControlIT {

    static final String PLANNER_A = "key-planner-a";
    static final String VIEWER_A = "key-viewer-a";
    static final String PLANNER_B = "key-planner-b";
    static final String ADMIN = "key-admin";
    static final String BUSY = "key-busy";
    static final String CHATTY = "key-chatty";
    static final KeyPair IDP = rsaKeyPair();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("computeplan.data-dir", () -> dataDir.toString());
        // the identity provider's public key, configured the way an operator would
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> publicKeyFile().toUri().toString());
        key(registry, 0, "planner-a", "{sha256}" + ApiKeys.sha256(PLANNER_A), "a", "planner");
        key(registry, 1, "viewer-a", "{bcrypt}" + new BCryptPasswordEncoder(4).encode(VIEWER_A), "a", "viewer");
        key(registry, 2, "planner-b", "{sha256}" + ApiKeys.sha256(PLANNER_B), "b", "scheduler");
        key(registry, 3, "ops", "{sha256}" + ApiKeys.sha256(ADMIN), "ops", "admin");
        key(registry, 4, "busy", "{sha256}" + ApiKeys.sha256(BUSY), "busy", "planner");
        key(registry, 5, "chatty", "{sha256}" + ApiKeys.sha256(CHATTY), "chatty", "viewer");
    }

    private static Path publicKeyFile() {
        try {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(IDP.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            return Files.writeString(dataDir.resolve("idp.pem"), pem);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void key(DynamicPropertyRegistry r, int i, String name, String hash, String tenant, String role) {
        String p = "computeplan.security.api-keys[" + i + "].";
        r.add(p + "name", () -> name);
        r.add(p + "hash", () -> hash);
        r.add(p + "tenant", () -> tenant);
        r.add(p + "roles[0]", () -> role);
    }

    @Test
    void noOrAWrongKeyAnswers401AsProblemJsonWithAChallenge() throws Exception {
        for (String auth : new String[] {null, "X-API-Key: nope", "Authorization: Bearer nope"}) {
            Response r = send("GET", "/api/v1/countdown/jobs", null, auth);
            assertThat(r.status).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.header("WWW-Authenticate")).contains("Bearer");
            assertThat(r.json().get("status").asInt()).isEqualTo(401);
        }
        assertThat(send("POST", "/api/v1/countdown/jobs", body(1, 10, 5), null).status)
                .isEqualTo(401);
    }

    @Test
    void healthTheApiDescriptionAndTheUiNeedNoKey() throws Exception {
        assertThat(send("GET", "/actuator/health", null, null).status).isEqualTo(200);
        assertThat(send("GET", "/v3/api-docs", null, null).status).isEqualTo(200);
        assertThat(send("GET", "/", null, null).status).isEqualTo(200);
        assertThat(send("GET", "/api/v1/examples", null, null).status).isEqualTo(200);
    }

    @Test
    void anotherTenantsJobIsNotFoundOnEveryEndpointWhileAdminSeesIt() throws Exception {
        String id = submit(PLANNER_A, body(2, 10, 10));
        awaitStatus(PLANNER_A, id, "COMPLETED");
        String job = "/api/v1/countdown/jobs/" + id;
        for (String path : List.of(
                job, job + "/problem", job + "/solution", job + "/explanation", job + "/events", job + "/archive")) {
            Response r = send("GET", path, null, apiKey(PLANNER_B));
            assertThat(r.status).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(send("GET", path, null, apiKey(ADMIN)).status).as(path).isEqualTo(200);
        }
        assertThat(send("DELETE", job, null, apiKey(PLANNER_B)).status).isEqualTo(404);
        assertThat(ids(send("GET", "/api/v1/countdown/jobs?size=200", null, apiKey(PLANNER_B))))
                .doesNotContain(id);
        assertThat(ids(send("GET", "/api/v1/countdown/jobs?size=200", null, apiKey(PLANNER_A))))
                .contains(id);
        assertThat(ids(send("GET", "/api/v1/countdown/jobs?size=200", null, apiKey(ADMIN))))
                .contains(id);
        assertThat(send("GET", job + "/solution", null, apiKey(PLANNER_A)).status)
                .isEqualTo(200);
    }

    @Test
    void aViewerReadsButCannotSubmitOrDelete() throws Exception {
        String id = submit(PLANNER_A, body(2, 10, 10));
        awaitStatus(VIEWER_A, id, "COMPLETED");
        Response delete = send("DELETE", "/api/v1/countdown/jobs/" + id, null, apiKey(VIEWER_A));
        assertThat(delete.status).isEqualTo(403);
        assertThat(delete.header("Content-Type")).startsWith("application/problem+json");
        assertThat(send("POST", "/api/v1/countdown/jobs", body(1, 10, 5), apiKey(VIEWER_A)).status)
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/countdown/validate", body(1, 10, 5), apiKey(VIEWER_A)).status)
                .isEqualTo(200);
        assertThat(send("GET", "/api/v1/countdown/jobs/" + id, null, apiKey(VIEWER_A)).status)
                .isEqualTo(200);
    }

    @Test
    void aJwtFromTheIdentityProviderCarriesTenantAndRoles() throws Exception {
        String id = submit(PLANNER_A, body(1, 10, 10));
        String token = jwt(Map.of("tenant", "a", "roles", List.of("viewer")), IDP);
        Response mine = send("GET", "/api/v1/countdown/jobs/" + id, null, "Authorization: Bearer " + token);
        assertThat(mine.status).isEqualTo(200);
        String other = jwt(Map.of("tenant", "b", "roles", "planner"), IDP);
        assertThat(send("GET", "/api/v1/countdown/jobs/" + id, null, "Authorization: Bearer " + other).status)
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/countdown/jobs", body(1, 10, 5), "Authorization: Bearer " + token).status)
                .isEqualTo(403);

        String forged = jwt(Map.of("tenant", "a", "roles", List.of("admin")), rsaKeyPair());
        Response refused = send("GET", "/api/v1/countdown/jobs", null, "Authorization: Bearer " + forged);
        assertThat(refused.status).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        String noTenant = jwt(Map.of("roles", List.of("planner")), IDP);
        assertThat(send("GET", "/api/v1/countdown/jobs", null, "Authorization: Bearer " + noTenant).status)
                .isEqualTo(401);
        assertThat(send("GET", "/api/v1/countdown/jobs", null, "Authorization: Bearer " + PLANNER_A).status)
                .as("an API key as a bearer token")
                .isEqualTo(200);
    }

    @Test
    void aTenantAtItsActiveJobLimitGets429WithRetryAfter() throws Exception {
        List<String> ids = new ArrayList<>();
        try {
            ids.add(submit(BUSY, body(10_000, 1_000, 60)));
            ids.add(submit(BUSY, body(10_000, 1_000, 60)));
            Response third = send("POST", "/api/v1/countdown/jobs", body(1, 10, 5), apiKey(BUSY));
            assertThat(third.status).isEqualTo(429);
            assertThat(third.header("Retry-After")).matches("\\d+");
            assertThat(third.header("Content-Type")).startsWith("application/problem+json");
            assertThat(third.json().get("detail").asText()).contains("busy");
            // another tenant is not held back by it
            String other = submit(PLANNER_B, body(1, 10, 5));
            assertThat(other).isNotBlank();
        } finally {
            for (String id : ids) {
                send("DELETE", "/api/v1/countdown/jobs/" + id, null, apiKey(BUSY));
            }
        }
    }

    @Test
    void requestsBeyondTheTenantsRateAnswer429WithRetryAfter() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        Response last = null;
        for (int i = 0; i < 4; i++) {
            last = send("GET", "/api/v1/countdown/jobs", null, apiKey(CHATTY));
            statuses.add(last.status);
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429);
        assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(last.header("Content-Type")).startsWith("application/problem+json");
        assertThat(send("GET", "/api/v1/countdown/jobs", null, apiKey(PLANNER_B)).status)
                .isEqualTo(200);
    }

    @Test
    void anImportBelongsToTheImportingTenantAndNeedsAWriter() throws Exception {
        String id = submit(PLANNER_A, body(1, 10, 10));
        awaitStatus(PLANNER_A, id, "COMPLETED");
        String archive = send("GET", "/api/v1/countdown/jobs/" + id + "/archive", null, apiKey(PLANNER_A)).body;
        assertThat(send("POST", "/api/v1/countdown/jobs/import", archive, apiKey(VIEWER_A)).status)
                .isEqualTo(403);
        Response imported = send("POST", "/api/v1/countdown/jobs/import", archive, apiKey(PLANNER_B));
        assertThat(imported.status).as(imported.body).isEqualTo(201);
        String copy = "/api/v1/countdown/jobs/" + imported.json().get("id").asText();
        assertThat(send("GET", copy, null, apiKey(PLANNER_B)).status).isEqualTo(200);
        assertThat(send("GET", copy, null, apiKey(PLANNER_A)).status).isEqualTo(404);
    }

    @Test
    void deletingAFinishedJobRemovesItForGood() throws Exception {
        String id = submit(PLANNER_A, body(1, 10, 10));
        awaitStatus(PLANNER_A, id, "COMPLETED");
        assertThat(send("DELETE", "/api/v1/countdown/jobs/" + id, null, apiKey(PLANNER_A)).status)
                .isEqualTo(204);
        assertThat(send("GET", "/api/v1/countdown/jobs/" + id, null, apiKey(ADMIN)).status)
                .isEqualTo(404);
    }

    // --- helpers

    static String body(int target, int stepMillis, int seconds) {
        return "{\"target\": " + target + ", \"stepMillis\": " + stepMillis
                + ", \"items\": [{\"name\": \"a\", \"weight\": 1}], \"termination\": {\"seconds\": " + seconds + "}}";
    }

    static String apiKey(String key) {
        return "X-API-Key: " + key;
    }

    private String submit(String key, String body) throws Exception {
        Response r = send("POST", "/api/v1/countdown/jobs", body, apiKey(key));
        assertThat(r.status).as(r.body).isEqualTo(202);
        return r.json().get("id").asText();
    }

    private void awaitStatus(String key, String id, String status) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (status.equals(send("GET", "/api/v1/countdown/jobs/" + id, null, apiKey(key))
                    .json()
                    .path("status")
                    .asText())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " never reached " + status);
    }

    private static List<String> ids(Response page) throws Exception {
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(j -> ids.add(j.get("id").asText()));
        return ids;
    }

    private Response send(String method, String path, String body, String header) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (header != null) {
            int colon = header.indexOf(':');
            b.header(header.substring(0, colon), header.substring(colon + 1).trim());
        }
        if (path.endsWith("/events")) {
            // a finished job's stream ends after its final state
            b.header("Accept", "text/event-stream");
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.headers().map());
    }

    record Response(int status, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue()))
                    .findFirst()
                    .orElse(null);
        }

        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    static String jwt(Map<String, Object> claims, KeyPair signer) throws Exception {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .subject("someone")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        claims.forEach(set::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
        jwt.sign(new RSASSASigner(signer.getPrivate()));
        return jwt.serialize();
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
