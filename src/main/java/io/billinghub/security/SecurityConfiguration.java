package io.billinghub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.platform.SecretResolver;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The REST API and the actuator behind HTTP Basic, stateless (no session, so no CSRF token to protect). Roles are
 * hierarchical (ADMIN > OPERATOR > FINANCE, ADMIN > METRICS). Anything no rule names is refused.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String SANDBOX = "/sandbox/**";
    private static final String CONTENT_SECURITY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json,
                            @Value("${hub.embedded.sandbox.enabled:false}") boolean sandbox) throws Exception {
        SecurityErrors errors = new SecurityErrors(json);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(SecurityErrors.REALM).authenticationEntryPoint(errors)
                        .withObjectPostProcessor(sandboxCredentialsLeftAlone()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                // the console's own scripts and styles only, nothing inline, never framed
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY)))
                .authorizeHttpRequests(requests -> {
                    // the error page renders the status the request already earned
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
                    // the console's static files; everything it shows comes from /api with the user's credentials
                    requests.requestMatchers(HttpMethod.GET, "/", "/console", "/console/**").permitAll();
                    requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasAnyRole(HubRole.ADMIN.name(),
                            HubRole.METRICS.name());
                    // authenticated by its HMAC signature (CxoneWebhookController), not by a user
                    requests.requestMatchers(HttpMethod.POST, "/api/webhooks/cxone").permitAll();
                    if (sandbox) {
                        // the embedded fake vendors and ERP check their own bearer tokens
                        requests.requestMatchers(SANDBOX).permitAll();
                    }
                    requests.requestMatchers(HttpMethod.GET, "/api/**").hasRole(HubRole.FINANCE.name());
                    // Swagger UI's files for /api/docs
                    requests.requestMatchers(HttpMethod.GET, "/webjars/swagger-ui/**").hasRole(HubRole.FINANCE.name());
                    requests.requestMatchers(HttpMethod.POST, "/api/exceptions/*/acknowledge",
                            "/api/exceptions/*/resolve", "/api/exceptions/*/replay", "/api/exceptions/replays",
                            "/api/runs")
                            .hasRole(HubRole.OPERATOR.name());
                    requests.requestMatchers(HttpMethod.POST, "/api/reference-data/reload",
                            "/api/chargeback/*/overrides").hasRole(HubRole.ADMIN.name());
                    requests.anyRequest().denyAll();
                })
                .build();
    }

    /**
     * The hub's own Genesys client sends its client id and secret to the sandbox's token endpoint as HTTP Basic:
     * those are the sandbox's to check, not hub users to log in.
     */
    private static ObjectPostProcessor<BasicAuthenticationFilter> sandboxCredentialsLeftAlone() {
        RequestMatcher sandbox = PathPatternRequestMatcher.withDefaults().matcher(SANDBOX);
        BasicAuthenticationConverter basic = new BasicAuthenticationConverter();
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BasicAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationConverter(request -> sandbox.matches(request) ? null : basic.convert(request));
                return filter;
            }
        };
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(HubRole.ADMIN.name()).implies(HubRole.OPERATOR.name(), HubRole.METRICS.name())
                .role(HubRole.OPERATOR.name()).implies(HubRole.FINANCE.name())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Only a UserDetailsService, not the manager itself: as a UserDetailsPasswordService it would re-hash a password
     * not stored as bcrypt at every login (a bcrypt per request), into memory that nothing keeps.
     */
    @Bean
    UserDetailsService users(SecurityProperties properties, SecretResolver secrets, PasswordEncoder encoder,
                             RoleHierarchy roles) {
        return new InMemoryUserDetailsManager(ConfiguredUsers.of(properties.users(), secrets::resolve, encoder,
                roles))::loadUserByUsername;
    }
}
