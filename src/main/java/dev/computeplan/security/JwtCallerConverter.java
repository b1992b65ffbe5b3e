package dev.computeplan.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Reads the tenant and the roles from the configured claims of a validated JWT. */
final class JwtCallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt claims;

    JwtCallerConverter(SecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String tenant = jwt.getClaimAsString(claims.tenantClaim());
        if (tenant == null || tenant.isBlank()) {
            throw new InvalidBearerTokenException("The token has no '" + claims.tenantClaim() + "' claim");
        }
        List<Role> roles = new ArrayList<>();
        for (String text : roleTexts(jwt.getClaim(claims.rolesClaim()))) {
            Role.parse(text).ifPresent(roles::add);
        }
        if (roles.isEmpty()) {
            throw new InvalidBearerTokenException("The token's '" + claims.rolesClaim() + "' claim names no role");
        }
        String name = jwt.getSubject() != null ? jwt.getSubject() : "jwt";
        return new CallerAuthentication(name, tenant, roles);
    }

    private static List<String> roleTexts(Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return List.of(text.trim().split("[\\s,]+"));
        }
        return List.of();
    }
}
