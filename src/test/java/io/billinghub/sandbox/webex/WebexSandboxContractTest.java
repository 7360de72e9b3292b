package io.billinghub.sandbox.webex;

import static io.billinghub.sandbox.webex.WebexTestSupport.CLIENT_ID;
import static io.billinghub.sandbox.webex.WebexTestSupport.CLIENT_SECRET;
import static io.billinghub.sandbox.webex.WebexTestSupport.REFRESH_TOKEN;
import static io.billinghub.sandbox.webex.WebexTestSupport.REPORTS;
import static io.billinghub.sandbox.webex.WebexTestSupport.SUB_PARTNER;
import static io.billinghub.sandbox.webex.WebexTestSupport.T0;
import static io.billinghub.sandbox.webex.WebexTestSupport.TOKEN;
import static io.billinghub.sandbox.webex.WebexTestSupport.createBody;
import static io.billinghub.sandbox.webex.WebexTestSupport.mvc;
import static io.billinghub.sandbox.webex.WebexTestSupport.properties;
import static io.billinghub.sandbox.webex.WebexTestSupport.tokenForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billinghub.platform.SettableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every operation of the sandbox against the published OpenAPI document of Webex Wholesale billing reports
 * (src/test/resources/contracts/webex-wholesale-billing.openapi.json), checked by Atlassian's
 * swagger-request-validator. Every answer goes through {@link #exchange}, which validates it:
 * <ul>
 *   <li>200 and 204: the request and the answer (status, declared headers, JSON body against the schema).</li>
 *   <li>202 of a create: the spec has no 202 entry, though its text says generation is asynchronous and "a 202
 *       OK response is returned"; the 202 body is validated against the operation's 200 schema (ReportId), the
 *       answer otherwise unchanged. {@link #aCreateAnsweredAsIsWith202IsUnknownToTheSpec} shows the validator would
 *       refuse the status itself.</li>
 *   <li>Statuses the spec lists without a body schema (400, 401, 403, 404, 409, 423, 429): the status must be one
 *       the operation documents (looked up in the spec and checked by the validator on the answer without its
 *       body); the body is Webex's error body, checked field by field.</li>
 * </ul>
 * The token endpoint is not part of this spec: its answer is checked field by field. The negative self-checks at
 * the end prove the validator does refuse wrong types, undeclared enum values and undocumented statuses, so these
 * tests cannot pass vacuously. The sandboxes run on plain objects under MockMvc standalone: no Spring context.
 */
class WebexSandboxContractTest {

    private static final String SPEC_FILE = "/contracts/webex-wholesale-billing.openapi.json";
    private static final String BASE_PATH = "/sandbox/webex/v1";
    private static final String ITEM_PATH = "/wholesale/billing/reports/{id}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC_TEXT = spec();
    private static final JsonNode SPEC = read(SPEC_TEXT);
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SPEC_TEXT)
            // the spec's server is https://webexapis.com/v1; the sandbox serves the same paths under /sandbox/webex/v1
            .withBasePathOverride(BASE_PATH)
            .build();
    private static final String OCTOBER = createBody("2026-10-01", "2026-10-31", "PARTNER");

    private final SettableClock clock = new SettableClock(T0);
    /** 1 GET IN_PROGRESS before done, every 3rd report FAILED, every 2nd create 202, no 429/423. */
    private final MockMvc mvc = mvc(WebexSandbox.create(properties(1, 3, 2, 0, 0, 0), clock));
    private final String bearer = bearer(mvc);

    @Test
    void theTokenEndpointIsNotInTheSpecAndIsCheckedByHand() throws Exception {
        MockHttpServletResponse answer = mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(tokenForm(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN))).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        JsonNode token = read(answer.getContentAsString());
        assertThat(token.path("access_token").isTextual()).isTrue();
        assertThat(token.path("expires_in").isIntegralNumber()).isTrue();
        assertThat(token.path("refresh_token").asText()).isEqualTo(REFRESH_TOKEN);
        assertThat(token.path("refresh_token_expires_in").isIntegralNumber()).isTrue();
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(keys(VALIDATOR.validateRequest(SimpleRequest.Builder.post(BASE_PATH + "/access_token").build())))
                .contains("validation.request.path.missing");
        assertErrorBody(mvc.perform(post(TOKEN).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(tokenForm(CLIENT_ID, "wrong", REFRESH_TOKEN))).andReturn().getResponse(), 401);
    }

    @Test
    void aCreateAnswers200Or202WithAReportId() throws Exception {
        MockHttpServletResponse first = exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON)
                .content(OCTOBER));
        assertThat(first.getStatus()).isEqualTo(200);
        MockHttpServletResponse second = exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"billingStartDate": "2026-10-01", "billingEndDate": "2026-10-31", "type": "USER",
                         "subPartnerOrgId": "%s", "internal": false}""".formatted(SUB_PARTNER)));
        assertThat(second.getStatus()).isEqualTo(202);
        assertThat(read(second.getContentAsString()).path("type").asText()).isEqualTo("USER");
    }

    @Test
    void aReportIsInProgressThenCompletedOrFailed() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String type : new String[] {"PARTNER", "CUSTOMER", "USER"}) {
            ids.add(id(exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON)
                    .content(createBody("2026-10-01", "2026-10-31", type)))));
        }
        List<String> statuses = new ArrayList<>();
        for (int poll = 0; poll < 2; poll++) {
            for (String id : ids) {
                statuses.add(read(exchange(authorized(get(REPORTS + "/" + id))).getContentAsString())
                        .path("status").asText());
            }
        }
        // the third report fails (fail-every 3)
        assertThat(statuses).containsExactly("IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED", "COMPLETED",
                "FAILED");
        JsonNode completed = read(exchange(authorized(get(REPORTS + "/" + ids.get(0)))).getContentAsString());
        assertThat(completed.path("tempDownloadURL").asText()).startsWith("http://localhost/sandbox/webex/downloads/");
        JsonNode failed = read(exchange(authorized(get(REPORTS + "/" + ids.get(2)))).getContentAsString());
        assertThat(failed.path("errors").get(0).path("code").asInt()).isEqualTo(2049);
    }

    @Test
    void theListPagesAndFilters() throws Exception {
        for (int month = 6; month <= 10; month++) {
            exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON)
                    .content(createBody("2026-%02d-01".formatted(month), "2026-%02d-28".formatted(month), "CUSTOMER")));
        }
        exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON).content(OCTOBER));
        // 5 CUSTOMER reports at max=2: three pages, followed through their Link headers
        String url = REPORTS + "?type=CUSTOMER&max=2&sortBy=billingStartDate";
        List<Integer> sizes = new ArrayList<>();
        while (url != null) {
            MockHttpServletResponse page = exchange(authorized(get(URI.create(url))));
            sizes.add(read(page.getContentAsString()).path("items").size());
            String link = page.getHeader("Link");
            url = link == null ? null : link.substring(1, link.indexOf(">; rel=\"next\""));
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        for (String filter : new String[] {"billingStartDate=2026-10-01", "billingEndDate=2026-10-31",
            "status=IN_PROGRESS", "status=COMPLETED", "subPartnerOrgId=" + SUB_PARTNER, "sortBy=id",
            "sortBy=status", "sortBy=billingEndDate", "type=USER"}) {
            exchange(authorized(get(URI.create(REPORTS + "?" + filter))));
        }
    }

    @Test
    void aDeleteAnswers204() throws Exception {
        String id = id(exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON).content(OCTOBER)));
        MockHttpServletResponse deleted = exchange(authorized(delete(REPORTS + "/" + id)));
        assertThat(deleted.getStatus()).isEqualTo(204);
        assertThat(deleted.getContentAsByteArray()).isEmpty();
    }

    @Test
    void errorAnswersAreStatusesTheOperationsDocument() throws Exception {
        // 400: a billing date that is today; a page size over 100; a body without billingEndDate
        assertStatus(exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON)
                .content(createBody("2026-11-01", "2026-11-10", "PARTNER"))), 400);
        assertStatus(exchange(authorized(get(URI.create(REPORTS + "?max=101")))), 400);
        assertStatus(exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"billingStartDate\": \"2026-10-01\"}")), 400);
        // 401 on every operation
        for (MockHttpServletRequestBuilder request : List.of(post(REPORTS).contentType(MediaType.APPLICATION_JSON)
                .content(OCTOBER), get(REPORTS), get(REPORTS + "/any"), delete(REPORTS + "/any"))) {
            assertStatus(exchange(request), 401);
        }
        // 403: a sub-partner that is not in the dataset
        assertStatus(exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"billingStartDate\": \"2026-10-01\", \"billingEndDate\": \"2026-10-31\", "
                        + "\"subPartnerOrgId\": \"org-unknown\"}")), 403);
        // 404 for an unknown id
        assertStatus(exchange(authorized(get(REPORTS + "/unknown"))), 404);
        assertStatus(exchange(authorized(delete(REPORTS + "/unknown"))), 404);
        // 409: October again while the first October is COMPLETED
        String id = id(exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON).content(OCTOBER)));
        exchange(authorized(get(REPORTS + "/" + id)));
        exchange(authorized(get(REPORTS + "/" + id)));
        assertStatus(exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON).content(OCTOBER)),
                409);
    }

    @Test
    void rateLimitedAndLockedAnswersAreDocumentedWithRetryAfter() throws Exception {
        // one sandbox answers every API request 429, another every one 423
        for (int[] faults : new int[][] {{1, 0}, {0, 1}}) {
            MockMvc faulty = mvc(WebexSandbox.create(properties(0, 0, 0, faults[0], faults[1], 0), clock));
            String token = bearer(faulty);
            int expected = faults[0] == 1 ? 429 : 423;
            for (MockHttpServletRequestBuilder request : List.of(post(REPORTS)
                    .contentType(MediaType.APPLICATION_JSON).content(OCTOBER), get(REPORTS), get(REPORTS + "/any"),
                    delete(REPORTS + "/any"))) {
                MockHttpServletResponse answer = exchange(faulty, request.header("Authorization", token));
                assertStatus(answer, expected);
                assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
            }
        }
    }

    // Negative self-checks: the validator refuses what a broken sandbox could answer.

    @Test
    void theValidatorRefusesAReportWithWrongTypesOrUndeclaredEnumValues() throws Exception {
        String id = id(exchange(authorized(post(REPORTS)).contentType(MediaType.APPLICATION_JSON).content(OCTOBER)));
        exchange(authorized(get(REPORTS + "/" + id)));
        ObjectNode report = (ObjectNode) read(exchange(authorized(get(REPORTS + "/" + id))).getContentAsString());
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(keys(validateGet(report))).isEmpty();

        ObjectNode undeclaredStatus = report.deepCopy().put("status", "DONE");
        assertThat(keys(validateGet(undeclaredStatus))).contains("validation.response.body.schema.enum");
        ObjectNode undeclaredType = report.deepCopy().put("type", "RESELLER");
        assertThat(keys(validateGet(undeclaredType))).contains("validation.response.body.schema.enum");
        ObjectNode numericId = report.deepCopy().put("id", 42);
        assertThat(keys(validateGet(numericId))).contains("validation.response.body.schema.type");
        ObjectNode textCode = report.deepCopy();
        textCode.putArray("errors").addObject().put("code", "2049").put("description", "failed");
        assertThat(keys(validateGet(textCode))).contains("validation.response.body.schema.type");
    }

    @Test
    void theValidatorRefusesListItemsAndReportIdsThatBreakTheirSchema() {
        Response list = json(200, "{\"items\": [{\"id\": \"x\", \"status\": \"PENDING\", \"type\": \"PARTNER\"}]}");
        assertThat(keys(VALIDATOR.validateResponse("/wholesale/billing/reports", Request.Method.GET, list)))
                .contains("validation.response.body.schema.enum");
        // the validator treats the schemas as closed: a field the schema does not declare is refused
        Response extraField = json(200, "{\"items\": [{\"id\": \"x\", \"created\": \"2026-11-10T09:00:00.000Z\"}]}");
        assertThat(keys(VALIDATOR.validateResponse("/wholesale/billing/reports", Request.Method.GET, extraField)))
                .contains("validation.response.body.schema.additionalProperties");
        Response created = json(200, "{\"id\": \"x\", \"type\": \"PARTNER\", \"category\": \"MONTHLY\"}");
        assertThat(keys(VALIDATOR.validateResponse("/wholesale/billing/reports", Request.Method.POST, created)))
                .contains("validation.response.body.schema.enum");
    }

    @Test
    void aCreateAnsweredAsIsWith202IsUnknownToTheSpec() {
        Response accepted = json(202, "{\"id\": \"x\", \"type\": \"PARTNER\", \"category\": \"RECONCILIATION\"}");
        assertThat(keys(VALIDATOR.validateResponse("/wholesale/billing/reports", Request.Method.POST, accepted)))
                .contains("validation.response.status.unknown");
        Response teapot = SimpleResponse.Builder.status(418).build();
        assertThat(keys(VALIDATOR.validateResponse(ITEM_PATH.replace("{id}", "x"), Request.Method.DELETE, teapot)))
                .contains("validation.response.status.unknown");
    }

    private MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", bearer);
    }

    private MockHttpServletResponse exchange(MockHttpServletRequestBuilder request) throws Exception {
        return exchange(mvc, request);
    }

    /** Performs the request and validates the answer against the spec as the class comment says. */
    private static MockHttpServletResponse exchange(MockMvc mvc, MockHttpServletRequestBuilder builder)
            throws Exception {
        MvcResult result = mvc.perform(builder).andReturn();
        MockHttpServletRequest request = result.getRequest();
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        if (status == 200 || status == 204) {
            assertValid(VALIDATOR.validate(request(request), response(response, status, true)));
        } else if (status == 202 && request.getMethod().equals("POST")) {
            assertValid(VALIDATOR.validate(request(request), response(response, 200, true)));
        } else {
            assertDocumented(request, status);
            assertValid(VALIDATOR.validateResponse(request.getRequestURI().substring(BASE_PATH.length()),
                    Request.Method.valueOf(request.getMethod()), response(response, status, false)));
            assertErrorBody(response, status);
        }
        return response;
    }

    /** The status is listed under the operation's responses in the spec. */
    private static void assertDocumented(MockHttpServletRequest request, int status) {
        String path = request.getRequestURI().substring(BASE_PATH.length());
        String template = path.startsWith("/wholesale/billing/reports/") ? ITEM_PATH : path;
        JsonNode responses = SPEC.path("paths").path(template).path(request.getMethod().toLowerCase())
                .path("responses");
        assertThat(responses.isObject()).as("operation %s %s in the spec", request.getMethod(), template).isTrue();
        assertThat(responses.has(Integer.toString(status)))
                .as("%s %s documents status %d", request.getMethod(), template, status).isTrue();
        assertThat(responses.path(Integer.toString(status)).has("content"))
                .as("status %d has no body schema to validate against", status).isFalse();
    }

    /** Webex's error body: a message, errors with descriptions and a tracking id. */
    private static void assertErrorBody(MockHttpServletResponse response, int status) throws IOException {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
        JsonNode error = read(response.getContentAsString());
        assertThat(error.path("message").isTextual()).isTrue();
        assertThat(error.path("errors").isArray()).isTrue();
        assertThat(error.path("errors").get(0).path("description").isTextual()).isTrue();
        assertThat(error.path("trackingId").isTextual()).isTrue();
        assertThat(error.size()).isEqualTo(3);
    }

    private static void assertStatus(MockHttpServletResponse response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
    }

    /**
     * No ERROR or WARN message. The validator's IGNORE-level notes stay allowed: the one that occurs is the Link
     * header's "cursor", a query parameter the spec leaves to its Pagination section (clients follow the URL).
     */
    private static void assertValid(ValidationReport report) {
        assertThat(report.getMessages()).as("contract violations")
                .filteredOn(message -> message.getLevel() == ValidationReport.Level.ERROR
                        || message.getLevel() == ValidationReport.Level.WARN)
                .isEmpty();
    }

    private static ValidationReport validateGet(JsonNode report) {
        return VALIDATOR.validateResponse(ITEM_PATH.replace("{id}", "x"), Request.Method.GET,
                json(200, report.toString()));
    }

    private static Set<String> keys(ValidationReport report) {
        return Set.copyOf(report.getMessages().stream().map(ValidationReport.Message::getKey).toList());
    }

    private static Response json(int status, String body) {
        return SimpleResponse.Builder.status(status).withContentType(MediaType.APPLICATION_JSON_VALUE)
                .withBody(body).build();
    }

    private static Request request(MockHttpServletRequest request) throws IOException {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod(), request.getRequestURI());
        request.getParameterMap().forEach(builder::withQueryParam);
        for (String name : Collections.list(request.getHeaderNames())) {
            builder.withHeader(name, Collections.list(request.getHeaders(name)));
        }
        byte[] body = request.getContentAsByteArray();
        if (body != null && body.length > 0) {
            builder.withBody(new String(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /** The answer as the validator sees it, under the given status, with or without its body. */
    private static Response response(MockHttpServletResponse response, int status, boolean withBody)
            throws IOException {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        for (String name : response.getHeaderNames()) {
            builder.withHeader(name, response.getHeaders(name));
        }
        if (withBody && response.getContentAsByteArray().length > 0) {
            builder.withBody(response.getContentAsString());
        }
        return builder.build();
    }

    private static String id(MockHttpServletResponse response) throws IOException {
        return read(response.getContentAsString()).path("id").asText();
    }

    private static String bearer(MockMvc mvc) {
        try {
            return WebexTestSupport.bearer(mvc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String spec() {
        try (InputStream in = WebexSandboxContractTest.class.getResourceAsStream(SPEC_FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
