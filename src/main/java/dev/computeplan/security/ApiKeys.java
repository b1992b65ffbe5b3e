package dev.computeplan.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The configured API keys, known only by their hashes. A {@code {sha256}} hash is looked up directly; a slow hash
 * ({@code {bcrypt}}, ...) is tried key by key once and the match remembered by the key's SHA-256, so a script
 * calling every second does not pay bcrypt on every request.
 */
final class ApiKeys {

    private static final String SHA256 = "{sha256}";

    private final Map<String, CallerAuthentication> bySha256 = new HashMap<>();
    private final List<Slow> slow = new ArrayList<>();
    private final Map<String, CallerAuthentication> slowMatches = new ConcurrentHashMap<>();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private record Slow(String hash, CallerAuthentication caller) {}

    ApiKeys(List<SecurityProperties.ApiKey> keys) {
        for (SecurityProperties.ApiKey key : keys) {
            CallerAuthentication caller = callerOf(key);
            if (key.hash().startsWith(SHA256)) {
                String hex = key.hash().substring(SHA256.length()).toLowerCase(Locale.ROOT);
                if (hex.length() != 64) {
                    throw new IllegalStateException("API key '" + key.name() + "': a {sha256} hash has 64 hex digits");
                }
                bySha256.put(hex, caller);
            } else {
                slow.add(new Slow(key.hash(), caller));
            }
        }
    }

    boolean isEmpty() {
        return bySha256.isEmpty() && slow.isEmpty();
    }

    Optional<CallerAuthentication> authenticate(String rawKey) {
        String digest = sha256(rawKey);
        CallerAuthentication fast = bySha256.get(digest);
        if (fast != null) {
            return Optional.of(fast);
        }
        CallerAuthentication remembered = slowMatches.get(digest);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        for (Slow s : slow) {
            if (encoder.matches(rawKey, s.hash())) {
                slowMatches.put(digest, s.caller());
                return Optional.of(s.caller());
            }
        }
        return Optional.empty();
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static CallerAuthentication callerOf(SecurityProperties.ApiKey key) {
        if (key.name() == null
                || key.hash() == null
                || key.tenant() == null
                || key.tenant().isBlank()) {
            throw new IllegalStateException("Every API key needs a name, a hash and a tenant: " + key.name());
        }
        List<Role> roles = new ArrayList<>();
        for (String r : key.roles() == null ? List.<String>of() : key.roles()) {
            roles.add(Role.parse(r)
                    .orElseThrow(() -> new IllegalStateException("API key '" + key.name() + "': unknown role '" + r
                            + "' (planner, scheduler, viewer, admin)")));
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException("API key '" + key.name() + "' has no role");
        }
        return new CallerAuthentication(key.name(), key.tenant(), roles);
    }
}
