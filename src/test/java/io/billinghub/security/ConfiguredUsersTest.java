package io.billinghub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class ConfiguredUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private List<UserDetails> users(UnaryOperator<String> resolve, SecurityProperties.User... users) {
        return ConfiguredUsers.of(List.of(users), resolve, encoder, SecurityConfiguration.roleHierarchy());
    }

    @Test
    void eachUserHoldsItsRoleAndTheRolesItIncludes() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("correct horse");
        List<UserDetails> users = users(UnaryOperator.identity(),
                new SecurityProperties.User("ana", "{noop}dev", HubRole.FINANCE),
                new SecurityProperties.User("ops", hash, HubRole.OPERATOR),
                new SecurityProperties.User("root", "{noop}dev", HubRole.ADMIN),
                new SecurityProperties.User("prometheus", "{noop}dev", HubRole.METRICS));
        assertThat(users).extracting(u -> u.getUsername() + " " + u.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).sorted().toList()).containsExactly(
                "ana [ROLE_FINANCE]",
                "ops [ROLE_FINANCE, ROLE_OPERATOR]",
                "root [ROLE_ADMIN, ROLE_FINANCE, ROLE_METRICS, ROLE_OPERATOR]",
                "prometheus [ROLE_METRICS]");
        assertThat(encoder.matches("correct horse", users.get(1).getPassword())).isTrue();
        assertThat(encoder.matches("wrong horse", users.get(1).getPassword())).isFalse();
    }

    @Test
    void aVaultPlaceholderIsResolvedToTheStoredPassword() {
        List<UserDetails> users = users(value -> value.equals("{{hashicorp:secret:hub#ana}}") ? "{noop}from-vault"
                : value, new SecurityProperties.User("ana", "{{hashicorp:secret:hub#ana}}", HubRole.FINANCE));
        assertThat(users.get(0).getPassword()).isEqualTo("{noop}from-vault");
    }

    @Test
    void misconfiguredUsersStopTheHubWithoutShowingAPassword() {
        assertThatThrownBy(() -> users(UnaryOperator.identity(),
                new SecurityProperties.User("ana", "plain-text-password", HubRole.FINANCE),
                new SecurityProperties.User("bob", "{md9}unknown-encoding", HubRole.FINANCE),
                new SecurityProperties.User("ana", "{noop}again", HubRole.OPERATOR),
                new SecurityProperties.User("carl", "{noop}x", null),
                new SecurityProperties.User("d:e", "{noop}x", HubRole.ADMIN),
                new SecurityProperties.User("fay", "", HubRole.ADMIN)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("REST users are misconfigured: "
                        + "hub.security.users[0].password of 'ana' must be an encoded password such as"
                        + " {bcrypt}$2a$10$... ({noop}... only for development); "
                        + "hub.security.users[1].password of 'bob' must be an encoded password such as"
                        + " {bcrypt}$2a$10$... ({noop}... only for development); "
                        + "hub.security.users[2]: user 'ana' is configured twice; "
                        + "hub.security.users[3].role of 'carl' is required (FINANCE, OPERATOR, ADMIN, METRICS); "
                        + "hub.security.users[4].name is required and may not contain ':'; "
                        + "hub.security.users[5].password of 'fay' must be an encoded password such as"
                        + " {bcrypt}$2a$10$... ({noop}... only for development)");
    }

    @Test
    void aUserPrintsWithoutItsPassword() {
        assertThat(new SecurityProperties.User("ana", "{noop}secret", HubRole.FINANCE).toString())
                .isEqualTo("User[name=ana, password=***, role=FINANCE]");
    }
}
