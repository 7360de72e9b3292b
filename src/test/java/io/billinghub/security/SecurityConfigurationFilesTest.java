package io.billinghub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.extraction.TelephonyProperties;
import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.extraction.webex.WebexProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The security settings as shipped: the embedded run's development users (application.yml), and the docker profile
 * (docker/application-docker.yml with the variables of docker/hub.env.example), whose users have no defaults and
 * whose outbound URLs pass the TLS policy.
 */
class SecurityConfigurationFilesTest {

    /** A password as the docker profile wants it (the hash itself is not checked here). */
    private static final String ENCODED = "{bcrypt}$2a$10$hash";

    @Test
    void theEmbeddedRunHasOneDevelopmentUserPerRole() throws IOException {
        SecurityProperties security = Binder.get(environment(Map.of(), false))
                .bind("hub.security", SecurityProperties.class).get();
        assertThat(security.requireTls()).isFalse();
        assertThat(security.users()).extracting(u -> u.name() + " " + u.role() + " " + u.password()).containsExactly(
                "finance FINANCE {noop}finance-dev-only",
                "operator OPERATOR {noop}operator-dev-only",
                "admin ADMIN {noop}admin-dev-only");
        // an environment variable replaces a default
        SecurityProperties fromEnvironment = Binder.get(environment(Map.of("HUB_ADMIN_PASSWORD", ENCODED),
                false)).bind("hub.security", SecurityProperties.class).get();
        assertThat(fromEnvironment.users().get(2).password()).isEqualTo(ENCODED);
    }

    @Test
    void theDockerProfileRequiresTlsAndItsExampleUrlsComply() throws IOException {
        Map<String, Object> variables = new HashMap<>(exampleVariables());
        for (String user : List.of("FINANCE", "OPERATOR", "ADMIN", "METRICS")) {
            variables.put("HUB_" + user + "_PASSWORD", ENCODED);
        }
        Binder docker = Binder.get(environment(variables, true));
        SecurityProperties security = docker.bind("hub.security", SecurityProperties.class).get();
        assertThat(security.requireTls()).isTrue();
        assertThat(security.users()).extracting(u -> u.name() + " " + u.role())
                .containsExactly("finance FINANCE", "operator OPERATOR", "admin ADMIN", "metrics METRICS");
        assertThat(docker.bind("hub.embedded.sandbox.enabled", Boolean.class).get()).isFalse();
        assertThat(docker.bind("hub.demo.enabled", Boolean.class).get()).isFalse();
        Map<String, String> urls = OutboundTlsCheck.urls(
                docker.bind("hub.telephony", TelephonyProperties.class).get(),
                docker.bind("hub.cxone", CxoneProperties.class).get(),
                docker.bind("hub.webex", WebexProperties.class).get(),
                docker.bind("hub.erp.url", String.class).get());
        // the CXone tenant on NICE's published API is reached through its issuer alone (token and API discovery)
        assertThat(urls).containsEntry("hub.erp.url", "https://erp.example.com/api/charges")
                .containsEntry("hub.cxone.tenants[0].issuer", "https://cxone.niceincontact.com").hasSize(6);
        assertThat(OutboundTlsPolicy.violations(urls)).isEmpty();
    }

    @Test
    void theDockerProfileDoesNotStartWithTheExampleUsersLeftEmpty() throws IOException {
        Binder docker = Binder.get(environment(exampleVariables(), true));
        SecurityProperties security = docker.bind("hub.security", SecurityProperties.class).get();
        assertThatThrownBy(() -> ConfiguredUsers.of(security.users(), UnaryOperator.identity(),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), SecurityConfiguration.roleHierarchy()))
                .hasMessageContaining("hub.security.users[0].password of 'finance' must be an encoded password");
    }

    /** The uncommented KEY=VALUE lines of hub.env.example ('...' quotes removed). */
    private static Map<String, Object> exampleVariables() throws IOException {
        Map<String, Object> variables = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("docker/hub.env.example"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String value = line.substring(line.indexOf('=') + 1);
                variables.put(line.substring(0, line.indexOf('=')), value.replaceAll("^'(.*)'$", "$1"));
            }
        }
        return variables;
    }

    /** application.yml, the docker profile over it when asked, and these environment variables over both. */
    private static StandardEnvironment environment(Map<String, Object> variables, boolean docker) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        if (docker) {
            yaml.load("docker", new FileSystemResource("docker/application-docker.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        }
        yaml.load("application", new FileSystemResource("src/main/resources/application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }

}
