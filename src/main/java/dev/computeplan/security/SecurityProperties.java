package dev.computeplan.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access control settings ({@code computeplan.security.*}). With no API key and no JWT issuer configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}) the service runs open.
 *
 * @param requireAccessControl refuse to start open (the {@code postgres} profile sets it: a shared deployment)
 * @param allowOpen            start open even so, on purpose
 * @param apiKeys              keys for scripts and schedulers, stored as hashes only
 * @param jwt                  where a JWT carries the tenant and the roles
 * @param quotas               per-tenant limits, with overrides by tenant
 */
@ConfigurationProperties("computeplan.security")
public record SecurityProperties(
        @DefaultValue("false") boolean requireAccessControl,
        @DefaultValue("false") boolean allowOpen,
        List<ApiKey> apiKeys,
        @DefaultValue Jwt jwt,
        @DefaultValue Quotas quotas) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /**
     * One API key.
     *
     * @param name   who holds it (logged, never the key)
     * @param hash   {@code {sha256}<hex>} of the key, or any {@code {id}} hash Spring Security reads ({@code {bcrypt}})
     * @param tenant the tenant whose jobs it sees and submits
     * @param roles  planner, scheduler, viewer, admin
     */
    public record ApiKey(String name, String hash, String tenant, List<String> roles) {}

    /**
     * @param tenantClaim the claim naming the caller's tenant
     * @param rolesClaim  the claim listing its roles (a list, or a space-separated string)
     */
    public record Jwt(
            @DefaultValue("tenant") String tenantClaim,
            @DefaultValue("roles") String rolesClaim) {}

    /**
     * @param maxActiveJobs     queued plus solving jobs per tenant (0: no limit beyond the global queue)
     * @param requestsPerMinute API requests per tenant and minute on each replica (0: no limit)
     * @param burst             requests a tenant may send at once before the rate applies
     * @param tenants           overrides by tenant name
     */
    public record Quotas(
            @DefaultValue("0") int maxActiveJobs,
            @DefaultValue("0") long requestsPerMinute,
            @DefaultValue("0") long burst,
            Map<String, Limit> tenants) {

        public Quotas {
            tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        }

        Limit of(String tenant) {
            Limit own = tenants.get(tenant);
            return own != null ? own : new Limit(maxActiveJobs, requestsPerMinute, burst);
        }
    }

    /** The limits of one tenant. */
    public record Limit(int maxActiveJobs, long requestsPerMinute, long burst) {}
}
