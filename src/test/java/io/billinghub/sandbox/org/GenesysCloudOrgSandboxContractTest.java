package io.billinghub.sandbox.org;

import static io.billinghub.sandbox.org.OrgSandboxTestSupport.SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.SandboxFaults;
import io.billinghub.sandbox.SandboxTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The published-shape sandbox (under /sandbox/genesys, the organisation's one host) against Genesys Cloud's
 * published definitions of the operations the PUBLISHED connector calls
 * (src/test/resources/contracts/genesys-cloud-org.openapi.json, compiled from Genesys's SDK documentation; its
 * description names the files), checked by Atlassian's
 * swagger-request-validator: request and answer (status, declared headers, JSON body) of every users page, licence
 * page, custom attribute record (UserCustomAttributes, or the 404 of a user without one), billable usage answer
 * (InProgress and Complete), queue and trunk page, and of a 429. The negative self-checks at the end prove the
 * validator refuses what a broken sandbox could answer.
 */
@WebMvcTest(controllers = {GenesysOrgSandboxController.class, GenesysCloudOrgSandboxController.class}, properties = {
        "hub.embedded.sandbox.enabled=true",
        "hub.embedded.sandbox.dataset=classpath:sandbox/usage-small.json",
        "hub.embedded.sandbox.client-id=test-client",
        "hub.embedded.sandbox.client-secret=test-secret",
        "hub.embedded.sandbox.token-ttl-seconds=300",
        "hub.embedded.sandbox.rate-limit-every=0",
        "hub.embedded.sandbox.unavailable-every=0",
        "hub.embedded.sandbox.duplicate-page=0"})
@Import(OrgSandboxTestSupport.ClockConfig.class)
@AutoConfigureMockMvc(addFilters = false)
class GenesysCloudOrgSandboxContractTest {

    private static final String SPEC_FILE = "/contracts/genesys-cloud-org.openapi.json";
    private static final String BASE_PATH = "/sandbox/genesys";
    /** October's report; each test asks for another range, as the sandbox counts the requests of each range. */
    private static final String USAGE = BASE_PATH + "/api/v2/billing/reports/billableusage"
            + "?startDate=2026-10-01T00:00:00Z&endDate=2026-11-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC_TEXT = spec();
    private static final JsonNode SPEC = read(SPEC_TEXT);
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SPEC_TEXT)
            // the spec's server is https://api.mypurecloud.com; the sandbox serves the same paths under its prefix
            .withBasePathOverride(BASE_PATH)
            .build();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private SettableClock clock;
    @Autowired
    private SandboxTokens tokens;
    @Autowired
    private SandboxFaults faults;
    @Autowired
    private OrgMonths months;

    private String bearer;

    @BeforeEach
    void reset() {
        clock.set(SNAPSHOT);
        tokens.reset();
        faults.reset();
        bearer = "Bearer " + tokens.issue("test-client", "test-secret").orElseThrow().accessToken();
    }

    @Test
    void everyUsersPageAndLicencePageIsAValidListing() throws Exception {
        // 119 users at the end of October, 50 a page: 3 pages each way, followed through nextUri
        assertThat(pageSizes(BASE_PATH + "/api/v2/users?pageSize=50&pageNumber=1&state=any"))
                .containsExactly(50, 50, 19);
        for (String state : new String[] {"active", "inactive", "deleted"}) {
            exchange(BASE_PATH + "/api/v2/users?pageSize=500&state=" + state);
        }
        exchange(BASE_PATH + "/api/v2/users");
        // licensed users only: the integration account holds no licence
        long licensed = months.genesys().users(SNAPSHOT).stream().filter(u -> u.licenceType() != null).count();
        JsonNode licences = read(exchange(BASE_PATH + "/api/v2/license/users?pageSize=500&pageNumber=1")
                .getContentAsString());
        assertThat(licences.path("total").asLong()).isEqualTo(licensed);
        exchange(BASE_PATH + "/api/v2/license/users?pageSize=50&pageNumber=3");
    }

    /**
     * The month's 10 queues, 4 a page: 3 pages followed through nextUri, each a QueueEntityListing of queues without
     * custom attributes. Trunks: the 3 carrier trunks are EXTERNAL, beside a phone and an edge-to-edge trunk; asked for
     * by type, only that type.
     */
    @Test
    void everyQueuePageAndTrunkPageIsAValidListing() throws Exception {
        assertThat(pageSizes(BASE_PATH + "/api/v2/routing/queues?pageSize=4&pageNumber=1")).containsExactly(4, 4, 2);
        exchange(BASE_PATH + "/api/v2/routing/queues");
        JsonNode all = read(exchange(BASE_PATH + "/api/v2/telephony/providers/edges/trunks?pageSize=500")
                .getContentAsString());
        assertThat(all.path("entities").findValuesAsText("trunkType")).containsExactly("EXTERNAL", "EXTERNAL",
                "EXTERNAL", "PHONE", "EDGE");
        JsonNode external = read(exchange(BASE_PATH + "/api/v2/telephony/providers/edges/trunks?pageSize=2"
                + "&pageNumber=1&trunkType=EXTERNAL").getContentAsString());
        assertThat(List.of(external.path("total").asInt(), external.path("pageCount").asInt(),
                external.path("entities").size())).containsExactly(3, 2, 2);
        assertThat(external.path("nextUri").asText()).isEqualTo("/api/v2/telephony/providers/edges/trunks?pageSize=2"
                + "&pageNumber=2&trunkType=EXTERNAL");
        exchange(BASE_PATH + external.path("nextUri").asText());
        JsonNode phones = read(exchange(BASE_PATH + "/api/v2/telephony/providers/edges/trunks?trunkType=PHONE")
                .getContentAsString()).path("entities");
        assertThat(phones).hasSize(1);
        assertThat(phones.get(0).path("name").asText()).isEqualTo("Phones");
    }

    /**
     * The queue aggregates query as the published connector sends it (GenesysQueueAggregates.query: October, by
     * queueId, voice, four metrics) and the sandbox's answer, both validated; the answer has one result per queue.
     */
    @Test
    void theQueueAggregatesQueryAndItsAnswerAreAsPublished() throws Exception {
        String query = "{\"interval\":\"2026-10-01T00:00:00Z/2026-11-01T00:00:00Z\",\"groupBy\":[\"queueId\"],"
                + "\"filter\":{\"type\":\"and\",\"predicates\":[{\"type\":\"dimension\","
                + "\"dimension\":\"mediaType\",\"operator\":\"matches\",\"value\":\"voice\"}]},"
                + "\"metrics\":[\"nConnected\",\"tAcw\",\"tHeld\",\"tTalk\"]}";
        String path = "/api/v2/analytics/conversations/aggregates/query";
        MvcResult result = postValidated(path, query);
        // the sandbox's month has 10 queues (GenesysCloudOrgEquivalenceTest)
        assertThat(read(result.getResponse().getContentAsString()).path("results")).hasSize(10);
        // a filter type Genesys does not have is refused
        Request wrong = SimpleRequest.Builder.post(BASE_PATH + path).withContentType(MediaType.APPLICATION_JSON_VALUE)
                .withBody(query.replace("\"type\":\"and\"", "\"type\":\"xor\"")).build();
        assertThat(keys(VALIDATOR.validateRequest(wrong))).contains("validation.request.body.schema.enum");
    }

    /**
     * The user details query as the published connector sends it (GenesysUserSessions.query: a week, ascending, 100
     * users a page) and the sandbox's answer, both validated: each user's presence records overlap the week, a
     * session AVAILABLE then ON_QUEUE, then OFFLINE until the next; past the last user a page has no userDetails;
     * more than 7 days without filters is refused, as Genesys documents.
     */
    @Test
    void theUserDetailsQueryAndItsAnswerAreAsPublished() throws Exception {
        String path = "/api/v2/analytics/users/details/query";
        String query = "{\"interval\":\"2026-10-01T00:00:00Z/2026-10-08T00:00:00Z\",\"order\":\"asc\","
                + "\"paging\":{\"pageSize\":100,\"pageNumber\":1}}";
        MvcResult result = postValidated(path, query);
        JsonNode users = read(result.getResponse().getContentAsString()).path("userDetails");
        assertThat(users).isNotEmpty().allSatisfy(user -> {
            List<String> presences = new ArrayList<>();
            user.path("primaryPresence").forEach(r -> {
                assertThat(r.path("startTime").asText()).isLessThan("2026-10-08T00:00:00Z");
                assertThat(r.path("endTime").asText("9999")).isGreaterThan("2026-10-01T00:00:00Z");
                presences.add(r.path("systemPresence").asText());
            });
            // a week may open inside an OFFLINE record and close inside a session
            assertThat(String.join(" ", presences) + " ")
                    .matches("(OFFLINE )?(AVAILABLE (ON_QUEUE )?OFFLINE )*(AVAILABLE (ON_QUEUE )?)?");
        });

        String past = mvc.perform(post(URI.create(BASE_PATH + path)).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content(query.replace("\"pageNumber\":1",
                        "\"pageNumber\":3"))).andReturn().getResponse().getContentAsString();
        assertThat(read(past).has("userDetails")).isFalse();
        assertThat(mvc.perform(post(URI.create(BASE_PATH + path)).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content(query.replace("2026-10-08", "2026-10-09")))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theBillableUsageReportIsInProgressTwiceThenComplete() throws Exception {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(read(exchange(USAGE).getContentAsString()).path("status").asText());
        }
        assertThat(statuses).containsExactly("InProgress", "InProgress", "Complete");
    }

    @Test
    void aRateLimitedRequestAnswers429WithTheGenesysBodyAndRetryAfter() throws Exception {
        faults.usage().storm().arm(6);
        String agent = months.genesys().users(SNAPSHOT).get(0).userId();
        for (String uri : List.of(BASE_PATH + "/api/v2/users", BASE_PATH + "/api/v2/license/users",
                BASE_PATH + "/api/v2/users/" + agent + "/customattributes/hub-chargeback",
                USAGE.replace("2026-10-01", "2026-09-01"), BASE_PATH + "/api/v2/routing/queues",
                BASE_PATH + "/api/v2/telephony/providers/edges/trunks?trunkType=EXTERNAL")) {
            MockHttpServletResponse answer = exchange(uri);
            assertThat(answer.getStatus()).isEqualTo(429);
            assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
            JsonNode body = read(answer.getContentAsString());
            assertThat(body.path("code").asText()).isEqualTo("too.many.requests.retry.after");
            assertThat(body.path("message").asText()).endsWith("Retry the request in [1] seconds");
        }
        // normal answers carry the minute's allowance, count and the seconds left (the clock is on a whole minute)
        MockHttpServletResponse ok = exchange(BASE_PATH + "/api/v2/users");
        MockHttpServletResponse again = exchange(BASE_PATH + "/api/v2/users");
        assertThat(ok.getHeader("inin-ratelimit-allowed")).isEqualTo("300");
        assertThat(Integer.parseInt(again.getHeader("inin-ratelimit-count")))
                .isEqualTo(Integer.parseInt(ok.getHeader("inin-ratelimit-count")) + 1);
        assertThat(ok.getHeader("inin-ratelimit-reset")).isEqualTo("60");
    }

    /**
     * Every user of the month has a record of the sandbox's schema (each human agent has an owner; the service and
     * integration accounts their account type); another schema, or a user the organisation does not have, is a 404.
     */
    @Test
    void theCustomAttributeRecordsAreAsPublishedAndNoRecordIsA404() throws Exception {
        List<OrgRecord.User> users = months.genesys().users(SNAPSHOT);
        for (OrgRecord.User user : users) {
            String path = "/api/v2/users/" + user.userId() + "/customattributes/hub-chargeback";
            MockHttpServletResponse found = exchange(BASE_PATH + path);
            assertThat(found.getStatus()).isEqualTo(200);
            JsonNode record = read(found.getContentAsString());
            assertThat(record.path("userId").asText()).isEqualTo(user.userId());
            assertThat(record.path("selfUri").asText()).isEqualTo(path);
        }
        OrgRecord.User agent = users.get(0);
        assertThat(JSON.convertValue(read(exchange(BASE_PATH + "/api/v2/users/" + agent.userId()
                + "/customattributes/hub-chargeback").getContentAsString()).path("attributes"), Map.class))
                .isEqualTo(agent.attributes());
        OrgRecord.User service = users.stream().filter(u -> u.accountType() == OrgRecord.AccountType.SERVICE)
                .findFirst().orElseThrow();
        assertThat(read(exchange(BASE_PATH + "/api/v2/users/" + service.userId() + "/customattributes/hub-chargeback")
                .getContentAsString()).path("attributes")).isEqualTo(JSON.createObjectNode()
                .put("BU::ACCOUNT_TYPE", "SERVICE"));
        for (String uri : List.of("/api/v2/users/" + agent.userId() + "/customattributes/another-schema",
                "/api/v2/users/no-such-user/customattributes/hub-chargeback")) {
            MockHttpServletResponse none = exchange(BASE_PATH + uri);
            assertThat(none.getStatus()).isEqualTo(404);
            assertThat(read(none.getContentAsString()).path("code").asText()).isEqualTo("not.found");
        }
    }

    // Negative self-checks: the validator refuses what a broken sandbox could answer.

    @Test
    void theValidatorRefusesAUserWithAStateGenesysDoesNotHaveOrWithoutItsVersion() throws Exception {
        ObjectNode page = (ObjectNode) read(exchange(BASE_PATH + "/api/v2/users?pageSize=1").getContentAsString());
        assertThat(keys(validate("/api/v2/users", page))).isEmpty();
        ObjectNode suspended = page.deepCopy();
        ((ObjectNode) suspended.path("entities").get(0)).put("state", "suspended");
        assertThat(keys(validate("/api/v2/users", suspended))).contains("validation.response.body.schema.enum");
        ObjectNode versionless = page.deepCopy();
        ((ObjectNode) versionless.path("entities").get(0)).remove("version");
        assertThat(keys(validate("/api/v2/users", versionless))).contains("validation.response.body.schema.required");
        ObjectNode licensingType = page.deepCopy();
        ((ObjectNode) licensingType.path("entities").get(0)).put("licensingType", "CX_1");
        assertThat(keys(validate("/api/v2/users", licensingType)))
                .contains("validation.response.body.schema.additionalProperties");
        assertThat(keys(VALIDATOR.validateRequest(SimpleRequest.Builder.get(BASE_PATH + "/api/v2/users")
                .withQueryParam("state", "suspended").build()))).contains("validation.request.parameter.schema.enum");
    }

    /** The document's customAttributes is not the published name; Genesys requires attributes, an object. */
    @Test
    void theValidatorRefusesACustomAttributeRecordWithoutAttributesOrWithTheDocumentsName() throws Exception {
        String path = "/api/v2/users/" + months.genesys().users(SNAPSHOT).get(0).userId()
                + "/customattributes/hub-chargeback";
        ObjectNode record = (ObjectNode) read(exchange(BASE_PATH + path).getContentAsString());
        assertThat(keys(validate(path, record))).isEmpty();
        ObjectNode renamed = record.deepCopy();
        renamed.set("customAttributes", renamed.remove("attributes"));
        assertThat(keys(validate(path, renamed))).contains("validation.response.body.schema.required",
                "validation.response.body.schema.additionalProperties");
        ObjectNode listed = record.deepCopy();
        listed.putArray("attributes").add("BU::OWNER");
        assertThat(keys(validate(path, listed))).contains("validation.response.body.schema.type");
    }

    /** The document's customAttributes are no property of Genesys's Queue or Trunk; a trunk's type is one of three. */
    @Test
    void theValidatorRefusesQueuesAndTrunksWithCustomAttributesOrAnUnknownType() throws Exception {
        String queues = "/api/v2/routing/queues";
        ObjectNode queuePage = (ObjectNode) read(exchange(BASE_PATH + queues + "?pageSize=1").getContentAsString());
        assertThat(keys(validate(queues, queuePage))).isEmpty();
        ObjectNode attributed = queuePage.deepCopy();
        ((ObjectNode) attributed.path("entities").get(0)).putObject("customAttributes").put("BU::OWNER", "RETAIL");
        assertThat(keys(validate(queues, attributed))).contains("validation.response.body.schema.additionalProperties");
        String trunks = "/api/v2/telephony/providers/edges/trunks";
        ObjectNode trunkPage = (ObjectNode) read(exchange(BASE_PATH + trunks + "?pageSize=1").getContentAsString());
        assertThat(keys(validate(trunks, trunkPage))).isEmpty();
        ObjectNode sip = trunkPage.deepCopy();
        ((ObjectNode) sip.path("entities").get(0)).put("trunkType", "SIP");
        assertThat(keys(validate(trunks, sip))).contains("validation.response.body.schema.enum");
        ObjectNode nameless = trunkPage.deepCopy();
        ((ObjectNode) nameless.path("entities").get(0)).remove("name");
        assertThat(keys(validate(trunks, nameless))).contains("validation.response.body.schema.required");
        assertThat(keys(VALIDATOR.validateRequest(SimpleRequest.Builder.get(BASE_PATH + trunks)
                .withQueryParam("trunkType", "SIP").build()))).contains("validation.request.parameter.schema.enum");
    }

    @Test
    void theValidatorRefusesAUsageReportWithANumericTotalOrAnUnknownStatus() throws Exception {
        String august = USAGE.replace("2026-10-01", "2026-08-01");
        exchange(august);
        exchange(august);
        ObjectNode report = (ObjectNode) read(exchange(august).getContentAsString());
        String path = "/api/v2/billing/reports/billableusage";
        assertThat(keys(validate(path, report))).isEmpty();
        ObjectNode done = report.deepCopy().put("status", "Done");
        assertThat(keys(validate(path, done))).contains("validation.response.body.schema.enum");
        ObjectNode numeric = report.deepCopy();
        ((ObjectNode) numeric.path("usages").get(0)).put("totalUsage", 12);
        assertThat(keys(validate(path, numeric))).contains("validation.response.body.schema.type");
        ObjectNode noUsages = report.deepCopy();
        noUsages.remove("usages");
        assertThat(keys(validate(path, noUsages))).contains("validation.response.body.schema.required");
        assertThat(keys(VALIDATOR.validateRequest(SimpleRequest.Builder.get(BASE_PATH + path)
                .withQueryParam("startDate", "2026-10-01T00:00:00Z").build())))
                .contains("validation.request.parameter.query.missing");
    }

    /** Performs the POST of a query, expects 200 and validates the query and the answer against the operation. */
    private MvcResult postValidated(String path, String query) throws Exception {
        MvcResult result = mvc.perform(post(URI.create(BASE_PATH + path)).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content(query)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Request request = SimpleRequest.Builder.post(BASE_PATH + path)
                .withContentType(MediaType.APPLICATION_JSON_VALUE).withBody(query).build();
        assertThat(VALIDATOR.validate(request, response(result.getResponse())).getMessages())
                .filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR
                        || m.getLevel() == ValidationReport.Level.WARN)
                .isEmpty();
        return result;
    }

    /** The number of entities of each page of a listing, from its first page through nextUri, each validated. */
    private List<Integer> pageSizes(String first) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        String next = first;
        while (next != null) {
            JsonNode page = read(exchange(next).getContentAsString());
            sizes.add(page.path("entities").size());
            next = page.hasNonNull("nextUri") ? BASE_PATH + page.path("nextUri").asText() : null;
        }
        return sizes;
    }

    /** Performs the GET and validates request and answer: 200, 404 and 429 against the operation's schemas. */
    private MockHttpServletResponse exchange(String uri) throws Exception {
        MvcResult result = mvc.perform(get(URI.create(uri)).header(HttpHeaders.AUTHORIZATION, bearer)).andReturn();
        MockHttpServletRequest request = result.getRequest();
        MockHttpServletResponse response = result.getResponse();
        assertThat(response.getStatus()).as(uri).isIn(200, 404, 429);
        String path = template(request.getRequestURI().substring(BASE_PATH.length()));
        assertThat(SPEC.path("paths").path(path).path("get").path("responses")
                .has(Integer.toString(response.getStatus()))).as("%s documents %d", path, response.getStatus())
                .isTrue();
        assertThat(VALIDATOR.validate(request(request), response(response)).getMessages())
                .as("contract violations of %s", uri)
                .filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR
                        || m.getLevel() == ValidationReport.Level.WARN)
                .isEmpty();
        return response;
    }

    /** The spec's path a request path matches: {userId} and the like stand for one path segment. */
    private static String template(String path) {
        List<String> matching = new ArrayList<>();
        SPEC.path("paths").fieldNames().forEachRemaining(t -> {
            if (path.matches(t.replaceAll("\\{[^/}]+}", "[^/]+"))) {
                matching.add(t);
            }
        });
        assertThat(matching).as("spec paths matching %s", path).hasSize(1);
        return matching.get(0);
    }

    private static ValidationReport validate(String path, JsonNode body) {
        return VALIDATOR.validateResponse(path, Request.Method.GET, SimpleResponse.Builder.status(200)
                .withContentType(MediaType.APPLICATION_JSON_VALUE).withBody(body.toString()).build());
    }

    private static Set<String> keys(ValidationReport report) {
        return Set.copyOf(report.getMessages().stream().map(ValidationReport.Message::getKey).toList());
    }

    private static Request request(MockHttpServletRequest request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod(), request.getRequestURI());
        request.getParameterMap().forEach(builder::withQueryParam);
        for (String name : Collections.list(request.getHeaderNames())) {
            builder.withHeader(name, Collections.list(request.getHeaders(name)));
        }
        return builder.build();
    }

    private static Response response(MockHttpServletResponse response) throws IOException {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.getStatus());
        for (String name : response.getHeaderNames()) {
            builder.withHeader(name, response.getHeaders(name));
        }
        return builder.withBody(response.getContentAsString()).build();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String spec() {
        try (InputStream in = GenesysCloudOrgSandboxContractTest.class.getResourceAsStream(SPEC_FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
