package dev.computeplan.security;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated caller, by API key or JWT: its name, its tenant and its roles. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final String name;
    private final String tenant;
    private final Set<Role> roles;

    CallerAuthentication(String name, String tenant, Collection<Role> roles) {
        super(roles.stream().map(Role::authority).toList());
        this.name = name;
        this.tenant = tenant;
        this.roles = Set.copyOf(roles);
        setAuthenticated(true);
    }

    public String tenant() {
        return tenant;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return name;
    }
}
