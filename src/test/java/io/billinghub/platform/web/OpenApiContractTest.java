package io.billinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.billinghub.ledger.CxoneWebhookController;
import io.billinghub.support.HubIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.builder.NotifyBuilder;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description of the REST API (src/main/resources/openapi/billing-hub.yaml) against the running hub:
 * <ul>
 *   <li>coverage both ways: every handler Spring MVC maps under /api, by method, path and content type produced (a
 *       handler without a produces condition answers JSON), is an operation of the description with that content
 *       type under a 2xx response, and every such operation and content type is mapped;</li>
 *   <li>every operation, called with real values after the four pipelines ran, answers as described: request and
 *       answer validated by swagger-request-validator (status, content type, JSON body against schemas that are
 *       closed with additionalProperties false, so a field the code adds without the description fails here);</li>
 *   <li>the role each operation names in x-required-role is the least role that may call it;</li>
 *   <li>the served /api/openapi.yaml is the resource, and /api/openapi.json the same document.</li>
 * </ul>
 */
class OpenApiContractTest extends HubIntegrationTest {

    private static final String SPEC_TEXT = resource("/" + OpenApiController.RESOURCE);
    private static final JsonNode SPEC = readYaml(SPEC_TEXT);
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SPEC_TEXT).build();
    private static final ObjectMapper PLAIN_JSON = new ObjectMapper();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Pattern ARRAY_INDEX = Pattern.compile("/[0-9]+(?=[/'])");
    private static final String CSV = "text/csv";
    /** Query strings each GET operation is called with (none when absent): the required ones, then filters. */
    private static final Map<String, List<String>> QUERIES = Map.ofEntries(
            Map.entry("/api/cpm", List.of("from=2026-10-01&to=2026-10-31",
                    "from=2026-10-15&to=2026-10-16&carrier=Bandwidth.com&region=US-West")),
            Map.entry("/api/cpm/matrix", List.of("from=2026-10-01&to=2026-10-31",
                    "from=2026-10-01&to=2026-10-31&granularity=WEEK&carrier=Twilio&region=UK")),
            Map.entry("/api/legs", List.of("day=2026-10-15", "day=2026-10-15&status=EXCLUDED&legClass=MONITOR",
                    "day=2026-10-15&to=2026-10-31&carrier=Bandwidth.com&region=US-West&limit=1")),
            Map.entry("/api/reconciliation", List.of("", "from=2026-10-01&to=2026-10-31&carrier=Twilio"
                    + "&invoice=TW-2026-10&status=DISCREPANCIES")),
            Map.entry("/api/reconciliation/invoices", List.of("", "carrier=Twilio")),
            Map.entry("/api/reconciliation/overview", List.of("period=2026-10")),
            Map.entry("/api/reconciliation/evidence", List.of("carrier=Bandwidth.com&day=2026-10-15")),
            Map.entry("/api/exceptions", List.of("", "status=OPEN&type=UNRATED_LEG&limit=1000",
                    "pipeline=webex-wholesale&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&offset=1")),
            Map.entry("/api/runs", List.of("", "pipeline=carrier-cpm&period=2026-10&limit=500")),
            Map.entry("/api/cxone/reconciliation", List.of("period=2026-10", "period=2026-10&tenant=acme-contact")),
            Map.entry("/api/cxone/aggregates", List.of("period=2026-10")),
            Map.entry("/api/cxone/lines", List.of("period=2026-10",
                    "period=2026-10&featureType=VOICE_CALL&glAccount=6010-4500&tenant=acme-contact&limit=1&offset=1")),
            Map.entry("/api/chargeback/{period}/lines", List.of("", "division=us-east&costCentre=RET-0452"
                    + "&category=LICENCE")),
            Map.entry("/api/erp/batches", List.of("", "period=2026-10")),
            Map.entry("/api/audit", List.of("", "subjectType=exception_item&limit=5")),
            Map.entry("/api/focus", List.of("period=2026-10")),
            Map.entry("/api/focus/carriers", List.of("period=2026-10")));
    /** The /api roles from least to most; a role may do what the ones before it may. */
    private static final List<TestUser> ROLES = List.of(TestUser.FINANCE, TestUser.OPERATOR, TestUser.ADMIN);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Value("${hub.cxone.webhook-secret}")
    private String webhookSecret;

    /** An operation of the description. */
    private record Operation(String method, String path, JsonNode node) {

        String name() {
            return method + " " + path;
        }

        /** The content types of its 2xx answers. */
        Set<String> produces() {
            Set<String> types = new TreeSet<>();
            node.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2")) {
                    response.getValue().path("content").fieldNames().forEachRemaining(types::add);
                }
            });
            return types;
        }

        boolean takesFormat() {
            for (JsonNode parameter : node.path("parameters")) {
                if (parameter.path("$ref").asText().endsWith("/Format")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A request as sent, kept whole for the validator (an HttpRequest does not give its body back). */
    private record Call(String method, String uri, String body, Map<String, String> headers) {

        static Call get(String uri, String accept) {
            return new Call("GET", uri, null, accept == null ? Map.of() : Map.of("Accept", accept));
        }

        static Call post(String uri, String body) {
            return new Call("POST", uri, body, Map.of("Content-Type", MediaType.APPLICATION_JSON_VALUE));
        }

        Call with(String header, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(header, value);
            return new Call(method, uri, body, more);
        }

        HttpRequest.Builder builder() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + uri))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return request;
        }

        @Override
        public String toString() {
            return method + " " + uri + (headers.containsKey("Accept") ? " (Accept: " + headers.get("Accept") + ")"
                    : "");
        }
    }

    @Test
    void everyMappedEndpointIsDescribedAndEveryDescribedOneIsMapped() {
        Set<String> mapped = new TreeSet<>();
        ReportCsvConverter reportCsv = new ReportCsvConverter(json);
        MediaType csv = MediaType.parseMediaType(CSV);
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<String> produced = new TreeSet<>();
            info.getProducesCondition().getProducibleMediaTypes().forEach(type -> produced.add(type.toString()));
            if (produced.isEmpty()) {
                produced.add(MediaType.APPLICATION_JSON_VALUE);
                // a report answered as JSON is CSV too when asked (ReportCsvConverter): described as such
                MethodParameter answer = handler.getReturnType();
                if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)
                        && reportCsv.canWrite(answer.getGenericParameterType(), answer.getParameterType(), csv)) {
                    produced.add(CSV);
                }
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(method -> produced.forEach(type ->
                            mapped.add(method + " " + pattern + " " + type)));
                }
            }
        });
        Set<String> described = new TreeSet<>();
        operations().forEach(operation -> operation.produces().forEach(type ->
                described.add(operation.name() + " " + type)));

        Set<String> undescribed = new TreeSet<>(mapped);
        undescribed.removeAll(described);
        Set<String> unmapped = new TreeSet<>(described);
        unmapped.removeAll(mapped);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(undescribed).as("handlers Spring MVC maps (method, path, content type) that %s does"
                    + " not describe", OpenApiController.RESOURCE).isEmpty();
            softly.assertThat(unmapped).as("operations (method, path, content type) of %s that no handler maps",
                    OpenApiController.RESOURCE).isEmpty();
        });
        assertThat(mapped).hasSizeGreaterThan(40);
    }

    @Test
    void everyOperationAnswersRealCallsAsDescribed() throws Exception {
        runEveryPipeline();
        Set<String> answered = new TreeSet<>();
        workTheQueueOverrideAReloadAndTheWebhook(answered);
        for (Operation operation : operations()) {
            if (!operation.method().equals("GET")) {
                continue;
            }
            for (String uri : uris(operation)) {
                for (String type : operation.produces()) {
                    exchange(Call.get(uri, type), TestUser.FINANCE, 200);
                    if (operation.takesFormat()) {
                        String format = type.equals(CSV) ? "csv" : "json";
                        exchange(Call.get(uri + (uri.contains("?") ? "&" : "?") + "format=" + format, null),
                                TestUser.FINANCE, 200);
                    }
                }
                answered.add(operation.name());
            }
        }
        startARun(answered);
        Set<String> all = new TreeSet<>();
        operations().forEach(operation -> all.add(operation.name()));
        assertThat(answered).as("operations this test called with real values").isEqualTo(all);
    }

    @Test
    void eachOperationNeedsTheRoleItsDescriptionNames() throws Exception {
        List<String> outcomes = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Operation operation : operations()) {
            String least = operation.node().path("x-required-role").asText();
            if (least.equals("NONE")) {
                // signed, not Basic: without its signature even an admin is refused, and with no Basic challenge
                HttpResponse<String> unsigned = exchange(Call.post(operation.path(), "{\"billingPeriod\":\"2026-10\"}"),
                        TestUser.ADMIN, 401);
                assertThat(unsigned.headers().firstValue("WWW-Authenticate")).isEmpty();
                continue;
            }
            assertThat(ROLES).extracting(user -> user.name()).as(operation.name()).contains(least);
            for (TestUser user : TestUser.values()) {
                // harmless values: unknown ids, bodies without the required fields
                String path = operation.path().replace("{period}", "2026-10").replaceAll("\\{[^}]+}", "0");
                Call call = operation.method().equals("GET") ? Call.get(path, null) : Call.post(path, "{}");
                HttpResponse<String> response = send(call.builder(), user);
                validateAnswer(operation, path, response);
                int status = response.statusCode();
                outcomes.add(operation.name() + " as " + user + ": " + (status == 401 || status == 403 ? status
                        : "allowed"));
                int rank = ROLES.indexOf(user);
                expected.add(operation.name() + " as " + user + ": " + (user == TestUser.ANONYMOUS ? "401"
                        : rank >= 0 && rank >= ROLES.indexOf(TestUser.valueOf(least)) ? "allowed" : "403"));
            }
        }
        assertThat(outcomes).containsExactlyElementsOf(expected);
    }

    @Test
    void theServedDescriptionIsTheResourceAndItsJsonTheSameDocument() throws Exception {
        HttpResponse<String> yaml = exchange(Call.get("/api/openapi.yaml", null), TestUser.FINANCE, 200);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValue(OpenApiController.APPLICATION_YAML);
        assertThat(yaml.body()).isEqualTo(SPEC_TEXT);
        HttpResponse<String> json = exchange(Call.get("/api/openapi.json", null), TestUser.FINANCE, 200);
        assertThat(PLAIN_JSON.readTree(json.body())).isEqualTo(SPEC);
    }

    @Test
    void swaggerUiRendersTheDescriptionForFinance() throws Exception {
        HttpResponse<String> docs = send(Call.get("/api/docs", null).builder(), TestUser.FINANCE);
        assertThat(docs.statusCode()).isEqualTo(302);
        assertThat(docs.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(OpenApiDocsConfiguration.DOCS));
        HttpResponse<String> page = send(Call.get(OpenApiDocsConfiguration.DOCS, null).builder(), TestUser.FINANCE);
        assertThat(page.statusCode()).isEqualTo(200);
        // no inline script: the content security policy allows the hub's own files only
        assertThat(page.body()).contains("<script src=\"../../webjars/swagger-ui/swagger-ui-bundle.js\"></script>",
                "<script src=\"swagger-initializer.js\"></script>").doesNotContain("<script>");
        String initializer = send(Call.get(OpenApiDocsConfiguration.DOCS + "swagger-initializer.js", null)
                .builder(), TestUser.FINANCE).body();
        assertThat(initializer).contains("new URL(\"../openapi.yaml\"");
        for (String uri : List.of(OpenApiDocsConfiguration.DOCS, "/webjars/swagger-ui/swagger-ui-bundle.js",
                "/webjars/swagger-ui/swagger-ui.css")) {
            assertThat(send(Call.get(uri, null).builder(), TestUser.FINANCE).statusCode()).as(uri).isEqualTo(200);
            assertThat(send(Call.get(uri, null).builder(), TestUser.ANONYMOUS).statusCode()).as(uri).isEqualTo(401);
            assertThat(send(Call.get(uri, null).builder(), TestUser.METRICS).statusCode()).as(uri).isEqualTo(403);
        }
    }

    @Test
    void theValidatorRefusesAnUndescribedFieldAWrongTypeAndAnUndescribedValue() {
        String row = """
                {"carrierName":"Twilio","destinationRegion":"UK","day":"2026-10-15","legs":1,"billedMinutes":2.000000,
                 "cost":0.060000,"cpm":0.030000,"trailing7dLegs":1,"trailing7dBilledMinutes":2.000000,
                 "trailing7dCost":0.060000,"trailing7dCpm":0.030000%s}""";
        assertThat(keys(cpmAnswer(row.formatted("")))).isEmpty();
        assertThat(keys(cpmAnswer(row.formatted(",\"margin\":0.01"))))
                .contains("validation.response.body.schema.additionalProperties");
        assertThat(keys(cpmAnswer(row.formatted("").replace("\"cost\":0.060000", "\"cost\":\"0.06\""))))
                .contains("validation.response.body.schema.type");
        Response status = SimpleResponse.Builder.status(200).withContentType(MediaType.APPLICATION_JSON_VALUE)
                .withBody("{\"caseId\":1,\"succeeded\":true,\"newCaseId\":null,\"message\":\"ok\",\"by\":\"x\"}")
                .build();
        assertThat(keys(VALIDATOR.validateResponse("/api/exceptions/1/replay", Request.Method.POST, status)))
                .contains("validation.response.body.schema.additionalProperties");
        Response teapot = SimpleResponse.Builder.status(418).build();
        assertThat(keys(VALIDATOR.validateResponse("/api/runs", Request.Method.GET, teapot)))
                .contains("validation.response.status.unknown");
    }

    /**
     * The POST operations that change a case, a chargeback figure, the reference data or record an event, each
     * answered as described, before the GET pass reads what they changed.
     */
    private void workTheQueueOverrideAReloadAndTheWebhook(Set<String> answered) throws Exception {
        long delta = jdbc.queryForObject("select id from exception_item where type = 'RECON_CHARGE_DELTA'",
                Long.class);
        exchange(Call.post("/api/exceptions/" + delta + "/acknowledge", ""), TestUser.OPERATOR, 200);
        exchange(Call.post("/api/exceptions/" + delta + "/acknowledge", ""), TestUser.OPERATOR, 409);
        answered.add("POST /api/exceptions/{id}/acknowledge");
        exchange(Call.post("/api/exceptions/" + delta + "/resolve", "{\"resolution\":\"ACCEPTED\"}"), TestUser.OPERATOR,
                400);
        exchange(Call.post("/api/exceptions/" + delta + "/resolve", "{\"resolution\":\"ACCEPTED\","
                + "\"note\":\"carrier credit agreed\"}"), TestUser.OPERATOR, 200);
        answered.add("POST /api/exceptions/{id}/resolve");
        // the fixture's leg to +688: no rate card covers it, so the replay is answered but fails again
        long unrated = jdbc.queryForObject("select id from exception_item where dedupe_key = 'leg:leg-06'",
                Long.class);
        JsonNode replay = json.readTree(exchange(Call.post("/api/exceptions/" + unrated + "/replay", ""),
                TestUser.OPERATOR, 200).body());
        assertThat(replay.path("succeeded").asBoolean()).isFalse();
        exchange(Call.post("/api/exceptions/" + delta + "/replay", ""), TestUser.OPERATOR, 409);
        answered.add("POST /api/exceptions/{id}/replay");
        // the unrated leg again and a case that is not there: both fail, each with its reason
        String bulk = json.readTree(exchange(Call.post("/api/exceptions/replays", "{\"caseIds\":[" + unrated
                + ", " + (unrated + 1000) + "]}"), TestUser.OPERATOR, 202).body()).path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(get("/api/exceptions/replays/" + bulk)
                .body()).path("status").asText().equals("FINISHED"));
        exchange(Call.post("/api/exceptions/replays", "{\"caseIds\":[]}"), TestUser.OPERATOR, 400);
        answered.add("POST /api/exceptions/replays");

        // us-east/RET-0452 LICENCE in the fixture: (32 seats × 25.00 + 6 × 50.00) × utilisation factor 0.40 (its
        // floor) = 440.00; 400.00 moves 40.00 to Unallocated
        JsonNode override = json.readTree(exchange(Call.post("/api/chargeback/2026-10/overrides", """
                {"division":"us-east","costCentre":"RET-0452","category":"LICENCE","adjustedAmount":400.00,
                 "reasonCode":"SEAT_RECOUNT","approverId":"fin-lead","note":"4 seats returned on 2026-10-02"}"""),
                TestUser.ADMIN, 201).body());
        assertThat(override.path("originalAmount").decimalValue()).isEqualByComparingTo("440.00");
        exchange(Call.post("/api/chargeback/2026-10/overrides", """
                {"division":"us-east","costCentre":"NONE-0000","category":"LICENCE","adjustedAmount":1}"""),
                TestUser.ADMIN, 400);
        answered.add("POST /api/chargeback/{period}/overrides");

        exchange(Call.post("/api/reference-data/reload", ""), TestUser.ADMIN, 200);
        answered.add("POST /api/reference-data/reload");

        String event = "{\"eventType\":\"INVOICE_ISSUED\",\"tenantId\":\"acme-contact\",\"billingPeriod\":\"2026-10\"}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        exchange(Call.post("/api/webhooks/cxone", event).with(CxoneWebhookController.SIGNATURE_HEADER, "sha256="
                + HexFormat.of().formatHex(mac.doFinal(event.getBytes(StandardCharsets.UTF_8)))),
                TestUser.ANONYMOUS, 202);
        exchange(Call.post("/api/webhooks/cxone", event).with(CxoneWebhookController.SIGNATURE_HEADER, "sha256=00"),
                TestUser.ANONYMOUS, 401);
        answered.add("POST /api/webhooks/cxone");
    }

    /** A run started through the API (the chargeback again from staging), waited for so that nothing is left. */
    private void startARun(Set<String> answered) throws Exception {
        NotifyBuilder done = whenRouteDone("chargeback-period");
        HttpResponse<String> started = exchange(Call.post("/api/runs", """
                {"pipeline":"chargeback","period":"2026-10","extract":false}"""), TestUser.OPERATOR, 202);
        assertThat(done.matches(120, TimeUnit.SECONDS)).as("run finished").isTrue();
        assertThat(started.headers().firstValue("Location"))
                .hasValue("/api/runs/" + json.readTree(started.body()).path("runId").asText());
        exchange(Call.post("/api/runs", "{\"pipeline\":\"payroll\",\"period\":\"2026-10\"}"), TestUser.OPERATOR, 400);
        answered.add("POST /api/runs");
    }

    /**
     * Sends the call as the user, expects the status, and validates the answer against the spec, and the request too
     * when the hub accepted it (a refused request is refused for not being valid).
     */
    private HttpResponse<String> exchange(Call call, TestUser user, int status) throws Exception {
        HttpResponse<String> response = send(call.builder(), user);
        assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(status);
        Request request = request(call, user);
        ValidationReport report = status < 400 ? VALIDATOR.validate(request, answer(response))
                : VALIDATOR.validateResponse(request.getPath(), request.getMethod(), answer(response));
        assertThat(errors(report)).as("%s answered %d: the request or answer differs from %s", call, status,
                OpenApiController.RESOURCE).isEmpty();
        return response;
    }

    /** Validates an answer to a call whose request need not be valid (the role check's harmless values). */
    private void validateAnswer(Operation operation, String path, HttpResponse<String> response) {
        assertThat(errors(VALIDATOR.validateResponse(path, Request.Method.valueOf(operation.method()),
                answer(response)))).as("%s %s answered %d: the answer differs from %s", operation.method(), path,
                response.statusCode(), OpenApiController.RESOURCE).isEmpty();
    }

    /** The operation's URIs with every sample value of its path variables and every sample query. */
    private List<String> uris(Operation operation) {
        List<String> uris = List.of(operation.path());
        Matcher variable = PATH_VARIABLE.matcher(operation.path());
        while (variable.find()) {
            String name = variable.group(1);
            List<String> values = pathValues(operation.path(), name);
            assertThat(values).as("sample values of {%s} in %s", name, operation.path()).isNotEmpty();
            List<String> next = new ArrayList<>();
            uris.forEach(uri -> values.forEach(value -> next.add(uri.replace("{" + name + "}", value))));
            uris = next;
        }
        List<String> withQueries = new ArrayList<>();
        for (String uri : uris) {
            QUERIES.getOrDefault(operation.path(), List.of("")).forEach(query ->
                    withQueries.add(query.isEmpty() ? uri : uri + "?" + query));
        }
        return withQueries;
    }

    /** The values the pipelines left for a path variable. */
    private List<String> pathValues(String path, String name) {
        return switch (name) {
            case "period" -> List.of("2026-10");
            case "id" -> jdbc.queryForList("select id::text from exception_item"
                    + (path.endsWith("/payload") ? " where payload is not null" : "") + " order by id", String.class);
            case "runId" -> jdbc.queryForList("select run_id from pipeline_run order by run_id", String.class);
            case "batchId" -> jdbc.queryForList("select batch_id from erp_batch order by batch_id", String.class);
            case "replayId" -> jdbc.queryForList("select id from bulk_replay order by id", String.class);
            case "customerExternalId" -> jdbc.queryForList("select distinct customer_external_id"
                    + " from webex_statement_line where status = 'PRICED' order by 1", String.class);
            default -> List.of();
        };
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        SPEC.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method ->
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()))));
        return operations;
    }

    /** The request as the validator sees it: path, query parameters, headers (credentials included) and body. */
    private static Request request(Call call, TestUser user) {
        HttpRequest sent = user.authorize(call.builder()).build();
        SimpleRequest.Builder request = new SimpleRequest.Builder(call.method(), sent.uri().getRawPath());
        String query = sent.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                request.withQueryParam(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        sent.headers().map().forEach(request::withHeader);
        if (call.body() != null && !call.body().isEmpty()) {
            request.withBody(call.body());
        }
        return request.build();
    }

    private static Response answer(HttpResponse<String> response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        return answer.build();
    }

    private static ValidationReport cpmAnswer(String row) {
        return VALIDATOR.validateResponse("/api/cpm", Request.Method.GET, SimpleResponse.Builder.status(200)
                .withContentType(MediaType.APPLICATION_JSON_VALUE).withBody("[" + row + "]").build());
    }

    /** The validator's errors, each told once for all the items of an array that have it. */
    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage() + message.getNestedMessages().stream()
                        .map(nested -> "\n    " + nested.getMessage()).collect(Collectors.joining()))
                .map(error -> ARRAY_INDEX.matcher(error).replaceAll("/*")).distinct().toList();
    }

    private static Set<String> keys(ValidationReport report) {
        return Set.copyOf(errors(report).stream().map(error -> error.substring(0, error.indexOf(':'))).toList());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYaml(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
