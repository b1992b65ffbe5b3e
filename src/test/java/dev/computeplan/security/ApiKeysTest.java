package dev.computeplan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ApiKeysTest {

    @Test
    void aKeyIsFoundByItsHashAndCarriesItsTenantAndRoles() {
        ApiKeys keys = new ApiKeys(List.of(
                new SecurityProperties.ApiKey("ci", "{sha256}" + ApiKeys.sha256("s3cret"), "acme", List.of("Planner")),
                new SecurityProperties.ApiKey(
                        "ops", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("other"), "ops", List.of("admin"))));

        CallerAuthentication ci = keys.authenticate("s3cret").orElseThrow();
        assertThat(ci.tenant()).isEqualTo("acme");
        assertThat(ci.has(Role.PLANNER)).isTrue();
        assertThat(ci.has(Role.ADMIN)).isFalse();
        assertThat(keys.authenticate("other").orElseThrow().has(Role.ADMIN)).isTrue();
        // the second look-up of a bcrypt key is served from the remembered match, with the same caller
        assertThat(keys.authenticate("other").orElseThrow().getName()).isEqualTo("ops");
        assertThat(keys.authenticate("s3cret ")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
    }

    @Test
    void aMisconfiguredKeyStopsTheStart() {
        assertThatThrownBy(() -> new ApiKeys(List.of(new SecurityProperties.ApiKey(
                        "x", "{sha256}" + ApiKeys.sha256("k"), "acme", List.of("superuser")))))
                .hasMessageContaining("unknown role 'superuser'");
        assertThatThrownBy(() -> new ApiKeys(
                        List.of(new SecurityProperties.ApiKey("x", "{sha256}abc", "acme", List.of("viewer")))))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> new ApiKeys(List.of(
                        new SecurityProperties.ApiKey("x", "{sha256}" + ApiKeys.sha256("k"), null, List.of("viewer")))))
                .hasMessageContaining("tenant");
    }
}
