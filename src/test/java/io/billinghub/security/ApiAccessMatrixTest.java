package io.billinghub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.ledger.CxoneWebhookController;
import io.billinghub.support.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what. The endpoint list comes from Spring MVC's own mappings, so an endpoint added without a row in
 * {@link #RULES} fails here; every endpoint is then called as nobody, as each role and with a wrong password.
 */
class ApiAccessMatrixTest extends HubIntegrationTest {

    /** The least role an endpoint needs; PUBLIC ones authenticate the caller themselves. */
    private enum Needs { PUBLIC, FINANCE, OPERATOR, ADMIN }

    private static final Map<String, Needs> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/audit", Needs.FINANCE),
            Map.entry("GET /api/audit/verify", Needs.FINANCE),
            Map.entry("GET /api/chargeback/overrides/verify", Needs.FINANCE),
            Map.entry("GET /api/chargeback/{period}", Needs.FINANCE),
            Map.entry("GET /api/chargeback/{period}/focus", Needs.FINANCE),
            Map.entry("GET /api/chargeback/{period}/lines", Needs.FINANCE),
            Map.entry("GET /api/chargeback/{period}/overrides", Needs.FINANCE),
            Map.entry("POST /api/chargeback/{period}/overrides", Needs.ADMIN),
            Map.entry("GET /api/cpm", Needs.FINANCE),
            Map.entry("GET /api/cpm/matrix", Needs.FINANCE),
            Map.entry("GET /api/cxone/aggregates", Needs.FINANCE),
            Map.entry("GET /api/cxone/lines", Needs.FINANCE),
            Map.entry("GET /api/cxone/reconciliation", Needs.FINANCE),
            Map.entry("GET /api/erp/batches", Needs.FINANCE),
            Map.entry("GET /api/erp/batches/{batchId}", Needs.FINANCE),
            Map.entry("GET /api/exceptions", Needs.FINANCE),
            Map.entry("GET /api/exceptions/summary", Needs.FINANCE),
            Map.entry("GET /api/exceptions/{id}", Needs.FINANCE),
            Map.entry("GET /api/exceptions/{id}/payload", Needs.FINANCE),
            Map.entry("GET /api/focus", Needs.FINANCE),
            Map.entry("GET /api/focus/carriers", Needs.FINANCE),
            Map.entry("POST /api/exceptions/{id}/acknowledge", Needs.OPERATOR),
            Map.entry("POST /api/exceptions/{id}/replay", Needs.OPERATOR),
            Map.entry("POST /api/exceptions/{id}/resolve", Needs.OPERATOR),
            Map.entry("POST /api/exceptions/replays", Needs.OPERATOR),
            Map.entry("GET /api/exceptions/replays/{replayId}", Needs.FINANCE),
            Map.entry("GET /api/legs", Needs.FINANCE),
            Map.entry("GET /api/me", Needs.FINANCE),
            Map.entry("GET /api/openapi.json", Needs.FINANCE),
            Map.entry("GET /api/openapi.yaml", Needs.FINANCE),
            Map.entry("GET /api/reconciliation", Needs.FINANCE),
            Map.entry("GET /api/reconciliation/evidence", Needs.FINANCE),
            Map.entry("GET /api/reconciliation/invoices", Needs.FINANCE),
            Map.entry("GET /api/reconciliation/overview", Needs.FINANCE),
            Map.entry("GET /api/reference-data/versions", Needs.FINANCE),
            Map.entry("POST /api/reference-data/reload", Needs.ADMIN),
            Map.entry("GET /api/runs", Needs.FINANCE),
            Map.entry("GET /api/runs/{runId}", Needs.FINANCE),
            Map.entry("POST /api/runs", Needs.OPERATOR),
            Map.entry("GET /api/webex/{period}", Needs.FINANCE),
            Map.entry("GET /api/webex/{period}/focus", Needs.FINANCE),
            Map.entry("GET /api/webex/{period}/reconciliation", Needs.FINANCE),
            Map.entry("GET /api/webex/{period}/statements", Needs.FINANCE),
            Map.entry("GET /api/webex/{period}/statements/{customerExternalId}", Needs.FINANCE),
            Map.entry("GET /api/webex/{period}/users", Needs.FINANCE),
            Map.entry("POST /api/webhooks/cxone", Needs.PUBLIC)));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Value("${hub.cxone.webhook-secret}")
    private String webhookSecret;

    @Test
    void everyEndpointHasARule() {
        TreeSet<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPathPatternsCondition().getPatternValues()
                .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method -> {
                    // the embedded fake vendors are not the hub's API; /error renders other requests' errors
                    if (!pattern.startsWith("/sandbox/") && !pattern.equals("/error")) {
                        endpoints.add(method + " " + pattern);
                    }
                })));
        assertThat(endpoints).containsExactlyElementsOf(RULES.keySet());
    }

    @Test
    void eachRoleGetsExactlyWhatItNeeds() throws Exception {
        List<String> outcomes = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, Needs> rule : RULES.entrySet()) {
            if (rule.getValue() == Needs.PUBLIC) {
                continue;
            }
            for (TestUser user : TestUser.values()) {
                HttpResponse<String> response = call(rule.getKey(), user);
                int status = response.statusCode();
                outcomes.add(rule.getKey() + " as " + user + ": " + (status == 401 || status == 403 ? status
                        : "allowed"));
                expected.add(rule.getKey() + " as " + user + ": " + expected(rule.getValue(), user));
                if (status == 401) {
                    assertThat(response.headers().firstValue("WWW-Authenticate"))
                            .hasValue("Basic realm=\"billing-hub\"");
                    assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo("Unauthorized");
                } else if (status == 403) {
                    assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo("Forbidden");
                }
            }
        }
        assertThat(outcomes).containsExactlyElementsOf(expected);
    }

    @Test
    void aWrongPasswordIsNoUserAtAll() throws Exception {
        HttpResponse<String> response = send(request("/api/runs").GET().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8))),
                TestUser.ANONYMOUS);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).path("message").asText())
                .isEqualTo("valid credentials are required (HTTP Basic)");
    }

    @Test
    void theWebhookIsAuthenticatedByItsSignatureAlone() throws Exception {
        String event = "{\"eventType\":\"INVOICE_ISSUED\",\"tenantId\":\"acme-contact\",\"billingPeriod\":\"2026-10\"}";
        HttpResponse<String> unsigned = send(request("/api/webhooks/cxone").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event)), TestUser.ANONYMOUS);
        // refused by the controller (no Basic challenge), even for an admin without a signature
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(post("/api/webhooks/cxone", event, TestUser.ADMIN).statusCode()).isEqualTo(401);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(event.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> signed = send(request("/api/webhooks/cxone").header("Content-Type", "application/json")
                .header(CxoneWebhookController.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(event)), TestUser.ANONYMOUS);
        assertThat(signed.statusCode()).isEqualTo(202);
    }

    @Test
    void theActuatorIsForAdminsAndScrapersExceptHealth() throws Exception {
        for (String endpoint : List.of("/actuator", "/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
            assertThat(get(endpoint, TestUser.ANONYMOUS).statusCode()).as(endpoint).isEqualTo(401);
            assertThat(get(endpoint, TestUser.FINANCE).statusCode()).as(endpoint).isEqualTo(403);
            assertThat(get(endpoint, TestUser.OPERATOR).statusCode()).as(endpoint).isEqualTo(403);
            assertThat(get(endpoint, TestUser.METRICS).statusCode()).as(endpoint).isEqualTo(200);
            assertThat(get(endpoint, TestUser.ADMIN).statusCode()).as(endpoint).isEqualTo(200);
        }
        // health for everyone; its components (database, routes, consumers) only for operators and scrapers
        JsonNode anonymous = json.readTree(get("/actuator/health", TestUser.ANONYMOUS).body());
        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(json.readTree(get("/actuator/health", TestUser.FINANCE).body()).has("components")).isFalse();
        assertThat(json.readTree(get("/actuator/health", TestUser.OPERATOR).body()).path("components")
                .has("db")).isTrue();
        assertThat(json.readTree(get("/actuator/health", TestUser.METRICS).body()).path("components")
                .has("db")).isTrue();
        assertThat(get("/actuator/health/liveness", TestUser.ANONYMOUS).statusCode()).isEqualTo(200);
    }

    @Test
    void theSandboxAnswersTheHubsClientsAndAnythingElseIsRefused() throws Exception {
        HttpResponse<String> sink = get("/sandbox/erp/charges", TestUser.ANONYMOUS);
        assertThat(sink.statusCode()).isEqualTo(200);
        assertThat(sink.headers().firstValue("WWW-Authenticate")).isEmpty();

        assertThat(get("/elsewhere", TestUser.ANONYMOUS).statusCode()).isEqualTo(401);
        assertThat(get("/elsewhere", TestUser.ADMIN).statusCode()).isEqualTo(403);
        assertThat(send(request("/api/runs").DELETE(), TestUser.ADMIN).statusCode()).isEqualTo(403);
        assertThat(get("/api/nothing-here", TestUser.FINANCE).statusCode()).isEqualTo(404);
    }

    @Test
    void theConsoleIsOpenToAllButItsDataIsNot() throws Exception {
        HttpResponse<String> page = get("/console/", TestUser.ANONYMOUS);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Billing hub console</title>");
        // nothing inline: the console's own scripts and styles only, never in a frame
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(get("/console/js/core.js", TestUser.ANONYMOUS).statusCode()).isEqualTo(200);
        assertThat(get("/console/vendor/chart.umd.min.js", TestUser.ANONYMOUS).statusCode()).isEqualTo(200);
        // the console's calls get no Basic challenge (it would open the browser's own dialog over the sign-in form)
        HttpResponse<String> script = send(request("/api/me").GET().header("X-Requested-With", "XMLHttpRequest"),
                TestUser.ANONYMOUS);
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
        JsonNode me = json.readTree(get("/api/me", TestUser.OPERATOR).body());
        assertThat(me.path("username").asText()).isEqualTo("operator");
        assertThat(me.path("roles").toString()).isEqualTo("[\"FINANCE\",\"OPERATOR\"]");
    }

    /** Calls an endpoint with harmless values: unknown ids, incomplete bodies, so nothing is changed. */
    private HttpResponse<String> call(String endpoint, TestUser user) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{period}", "2026-10")
                .replaceAll("\\{[^}]+}", "0");
        return "GET".equals(method) ? get(path, user) : post(path, "{}", user);
    }

    private static String expected(Needs needs, TestUser user) {
        if (user == TestUser.ANONYMOUS) {
            return "401";
        }
        boolean allowed = switch (user) {
            case FINANCE -> needs == Needs.FINANCE;
            case OPERATOR -> needs == Needs.FINANCE || needs == Needs.OPERATOR;
            case ADMIN -> true;
            default -> false;
        };
        return allowed ? "allowed" : "403";
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + path));
    }
}
