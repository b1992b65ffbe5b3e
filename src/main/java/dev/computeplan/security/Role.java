package dev.computeplan.security;

import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a caller may do: planners and schedulers submit and stop, viewers only read, admins see every tenant. */
public enum Role {
    PLANNER,
    SCHEDULER,
    VIEWER,
    ADMIN;

    GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    static Optional<Role> parse(String text) {
        try {
            return Optional.of(Role.valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    static String[] names(Role... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }
}
