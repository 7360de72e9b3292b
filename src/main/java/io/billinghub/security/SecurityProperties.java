package io.billinghub.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * REST users and the outbound TLS policy. A password is in Spring's DelegatingPasswordEncoder format
 * ({@code {bcrypt}$2a$...}, or {@code {noop}...} for development), and may be a vault placeholder resolving to that.
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(boolean requireTls, List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One REST user. The password never appears in {@link #toString()}. */
    public record User(String name, String password, HubRole role) {

        @Override
        public String toString() {
            return "User[name=" + name + ", password=***, role=" + role + "]";
        }
    }
}
