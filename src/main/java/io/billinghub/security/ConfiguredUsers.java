package io.billinghub.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The REST users of hub.security.users, checked before the hub accepts a request: a name, a role, and a password
 * the encoder understands. Each user holds every role its own includes, so checks that do not know the hierarchy
 * (actuator health details) agree with the request rules. Problems name the user, never the password.
 */
public final class ConfiguredUsers {

    private ConfiguredUsers() {
    }

    /**
     * @param resolve turns a vault placeholder into the stored password (a plain value is returned as is)
     */
    public static List<UserDetails> of(List<SecurityProperties.User> users, UnaryOperator<String> resolve,
                                       PasswordEncoder encoder, RoleHierarchy roles) {
        List<String> problems = new ArrayList<>();
        List<UserDetails> details = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            SecurityProperties.User user = users.get(i);
            String where = "hub.security.users[" + i + "]";
            if (user.name() == null || user.name().isBlank() || user.name().contains(":")) {
                problems.add(where + ".name is required and may not contain ':'");
                continue;
            }
            if (!names.add(user.name())) {
                problems.add(where + ": user '" + user.name() + "' is configured twice");
            }
            if (user.role() == null) {
                problems.add(where + ".role of '" + user.name() + "' is required (FINANCE, OPERATOR, ADMIN, METRICS)");
                continue;
            }
            String password = user.password() == null ? null : resolve.apply(user.password());
            if (!encoded(password, encoder)) {
                problems.add(where + ".password of '" + user.name() + "' must be an encoded password such as"
                        + " {bcrypt}$2a$10$... ({noop}... only for development)");
                continue;
            }
            details.add(User.withUsername(user.name()).password(password)
                    .authorities(roles.getReachableGrantedAuthorities(
                            List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()))))
                    .build());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("REST users are misconfigured: " + String.join("; ", problems));
        }
        return details;
    }

    /** Whether the encoder knows the password's {id} prefix (it throws for an unknown or missing one). */
    private static boolean encoded(String password, PasswordEncoder encoder) {
        if (password == null || !password.startsWith("{") || password.indexOf('}') < 2) {
            return false;
        }
        try {
            encoder.matches("", password);
            return true;
        } catch (IllegalArgumentException unknownEncoding) {
            return false;
        }
    }
}
