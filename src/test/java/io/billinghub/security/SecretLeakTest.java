package io.billinghub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.Secrets;
import io.billinghub.support.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No configured secret leaves the hub. Every pipeline runs as the end-to-end tests run it (the carrier month with
 * its close, the CXone GL month, the chargeback extracted through both sandboxes and closed, the Webex partner
 * month); then no secret may appear in the log of this test run (everything logged at INFO since the JVM started,
 * target/test-logs/hub.log), in any exception case (reason, context, headers, payload), in any row of any table,
 * or in any answer of a GET endpoint or the actuator. The secrets are every setting whose name
 * {@link Secrets#isSensitiveName} recognises, and the REST users' credentials as they travel.
 */
class SecretLeakTest extends HubIntegrationTest {

    private static final Path RUN_LOG = Path.of("target/test-logs/hub.log");
    /** Named like credentials, but where a token is fetched or how long it lives: not secrets. */
    private static final Pattern NOT_A_SECRET = Pattern.compile(".*-(url|seconds)$");
    private static final Pattern ENCODED_PASSWORD = Pattern.compile("^\\{[^}]+}(.+)$");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** The parameters an endpoint needs to answer with content. */
    private static final Map<String, String> QUERIES = Map.ofEntries(
            Map.entry("/api/cpm", "?from=2026-10-01&to=2026-10-31"),
            Map.entry("/api/cpm/matrix", "?from=2026-10-01&to=2026-10-31"),
            Map.entry("/api/reconciliation/overview", "?period=2026-10"),
            Map.entry("/api/reconciliation/evidence", "?carrier=Bandwidth.com&day=2026-10-15"),
            Map.entry("/api/reconciliation", "?from=2026-10-01&to=2026-10-31"),
            Map.entry("/api/legs", "?day=2026-10-15"),
            Map.entry("/api/cxone/reconciliation", "?period=2026-10"),
            Map.entry("/api/cxone/lines", "?period=2026-10"),
            Map.entry("/api/cxone/aggregates", "?period=2026-10"),
            Map.entry("/api/focus", "?period=2026-10"),
            Map.entry("/api/focus/carriers", "?period=2026-10"));

    @Autowired
    private ConfigurableEnvironment environment;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void noConfiguredSecretAppearsInLogsCasesTablesOrAnswers() throws Exception {
        Map<String, String> secrets = configuredSecrets();
        assertThat(secrets.keySet()).contains("hub.sftp.password", "hub.erp.auth-token",
                "hub.cxone.webhook-secret", "hub.telephony.tenants[0].client-secret",
                "hub.cxone.tenants[0].client-secret", "hub.webex.partners[0].client-secret",
                "hub.webex.partners[0].refresh-token", "hub.security.users[0].password",
                "hub.security.users[3].password", "HTTP Basic credentials of admin");

        runEveryPipelineAndABulkReplay();

        List<String> leaks = new ArrayList<>();
        search("the run's log", Files.readString(RUN_LOG, StandardCharsets.UTF_8), secrets, leaks);
        jdbc.query("select id, payload from exception_item where payload is not null", rs -> {
            search("the payload of case " + rs.getLong(1), new String(rs.getBytes(2), StandardCharsets.ISO_8859_1),
                    secrets, leaks);
        });
        for (String table : jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'", String.class)) {
            jdbc.query("select t::text from \"" + table + "\" t", rs -> {
                search("a row of " + table, rs.getString(1), secrets, leaks);
            });
        }
        Map<String, List<String>> endpoints = getEndpoints();
        Set<String> unanswered = new TreeSet<>(endpoints.keySet());
        for (Map.Entry<String, List<String>> endpoint : endpoints.entrySet()) {
            for (String uri : endpoint.getValue()) {
                for (String accept : acceptedTypes(endpoint.getKey())) {
                    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + HTTP_PORT + uri)).header("Accept", accept).GET(), TestUser.ADMIN);
                    search("GET " + uri + " (" + accept + ")", response.body(), secrets, leaks);
                    if (response.statusCode() == 200) {
                        unanswered.remove(endpoint.getKey());
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(unanswered).as("GET endpoints that never answered with content").isEmpty();
    }

    /** The four pipelines closed to the ERP sink, and a bulk replay so that its progress answers too. */
    private void runEveryPipelineAndABulkReplay() throws Exception {
        runEveryPipeline();
        // of a case that is not there: it fails at once
        long missing = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from exception_item", Long.class);
        assertThat(post("/api/exceptions/replays", "{\"caseIds\":[" + missing + "]}", TestUser.OPERATOR)
                .statusCode()).isEqualTo(202);
    }

    /** The name of each secret setting to its value (messages name the setting; values stay unprinted). */
    private Map<String, String> configuredSecrets() {
        Map<String, String> secrets = new TreeMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            // the build machine's own environment is not the hub's configuration
            if (!(source instanceof EnumerablePropertySource<?> names)
                    || source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                    || source.getName().equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                continue;
            }
            for (String name : names.getPropertyNames()) {
                String value = environment.getProperty(name);
                if (Secrets.isSensitiveName(name) && !NOT_A_SECRET.matcher(name).matches() && value != null
                        && !value.isBlank()) {
                    secrets.put(name, value);
                    Matcher encoded = ENCODED_PASSWORD.matcher(value);
                    if (encoded.matches()) {
                        secrets.put(name + " without its encoding prefix", encoded.group(1));
                    }
                }
            }
        }
        for (TestUser user : TestUser.values()) {
            user.authorize(HttpRequest.newBuilder(URI.create("http://localhost"))).build().headers()
                    .firstValue("Authorization").ifPresent(header -> secrets.put("HTTP Basic credentials of "
                            + user.username, header.substring("Basic ".length())));
        }
        return secrets;
    }

    private static void search(String where, String text, Map<String, String> secrets, List<String> leaks) {
        if (text == null) {
            return;
        }
        secrets.forEach((setting, value) -> {
            if (text.contains(value)) {
                leaks.add(where + " holds the value of " + setting);
            }
        });
    }

    /** Every GET endpoint of the API with the ids the pipelines left, and the actuator's: pattern to URIs. */
    private Map<String, List<String>> getEndpoints() {
        Map<String, List<String>> values = Map.of(
                "period", List.of("2026-10"),
                "id", jdbc.queryForList("select id::text from exception_item order by id", String.class),
                "runId", jdbc.queryForList("select run_id from pipeline_run order by run_id", String.class),
                "batchId", jdbc.queryForList("select batch_id from erp_batch order by batch_id", String.class),
                "replayId", jdbc.queryForList("select id from bulk_replay order by id", String.class),
                "customerExternalId", jdbc.queryForList("select distinct customer_external_id"
                        + " from webex_statement_line order by 1", String.class));
        Map<String, List<String>> endpoints = new TreeMap<>();
        for (String pattern : getPatterns()) {
            List<String> expanded = List.of(pattern);
            Matcher variable = PATH_VARIABLE.matcher(pattern);
            while (variable.find()) {
                String name = variable.group(1);
                assertThat(values).as("sample values of {" + name + "} in " + pattern).containsKey(name);
                List<String> next = new ArrayList<>();
                for (String uri : expanded) {
                    values.get(name).forEach(v -> next.add(uri.replace("{" + name + "}", v)));
                }
                expanded = next;
            }
            endpoints.put(pattern, expanded.stream().map(uri -> uri + QUERIES.getOrDefault(pattern, "")).toList());
        }
        for (String uri : List.of("/actuator/health", "/actuator/info", "/actuator/metrics", "/actuator/prometheus",
                "/sandbox/erp/charges")) {
            endpoints.put(uri, List.of(uri));
        }
        return endpoints;
    }

    private List<String> getPatterns() {
        Set<String> patterns = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                info.getPathPatternsCondition().getPatternValues().stream().filter(p -> p.startsWith("/api/"))
                        .forEach(patterns::add);
            }
        }
        return List.copyOf(patterns);
    }

    /** The media types an endpoint produces (its JSON and CSV variants are separate handlers); any for the rest. */
    private List<String> acceptedTypes(String pattern) {
        Set<String> types = new TreeSet<>();
        mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getPathPatternsCondition().getPatternValues().contains(pattern))
                .forEach(info -> info.getProducesCondition().getProducibleMediaTypes()
                        .forEach(type -> types.add(type.toString())));
        return types.isEmpty() ? List.of(MediaType.ALL_VALUE) : List.copyOf(types);
    }
}
