package io.billinghub.sandbox.cxone;

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
import io.billinghub.platform.SettableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The published-API sandbox against src/test/resources/contracts/cxone-published.openapi.json, checked by
 * Atlassian's swagger-request-validator. That file is TRANSCRIBED (its description names the sources): no
 * machine-readable NICE specification was found. 200, 202 and 204 answers are validated (request and body); other
 * statuses must be documented for their operation. The negative checks at the end prove the validator refuses
 * wrong types and a missing contacts array, so the checks cannot pass vacuously. No Spring context: the controller
 * runs on plain objects under MockMvc standalone.
 */
class CxonePublishedContractTest {

    private static final String SPEC_FILE = "/contracts/cxone-published.openapi.json";
    private static final String BASE = "/sandbox/cxone-published";
    private static final String COMPLETED = BASE + "/inContactAPI/services/v31.0/contacts/completed";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC_TEXT = spec();
    private static final JsonNode SPEC = read(SPEC_TEXT);
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SPEC_TEXT).withBasePathOverride(BASE).build();
    private static final CxoneMonth MONTH = CxoneMonthGenerator.generate(CxoneMonthGenerator.DEFAULT_SEED,
            YearMonth.of(2026, 10), ZoneId.of("America/New_York"), 50, WorkingDays.standard());
    static final CxonePublishedSandboxProperties PROPERTIES = new CxonePublishedSandboxProperties("tenant-1", "na1",
            "niceincontact.com", "key-id", "key-secret", 3600, true, 1, 5, 30);
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            "client:secret".getBytes(StandardCharsets.UTF_8));
    /** The October window of America/New_York, endDate its last second. */
    private static final String WINDOW = "?startDate=2026-10-01T04:00:00Z&endDate=2026-11-01T03:59:59Z";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-06T15:00:00Z"));
    private final CxonePublishedSandbox sandbox = new CxonePublishedSandbox(PROPERTIES, "client", "secret", MONTH,
            clock);

    private MockMvc mvc(CxoneSandboxFaults faults) {
        return MockMvcBuilders.standaloneSetup(new CxonePublishedSandboxController(sandbox, faults, clock)).build();
    }

    private final MockMvc mvc = mvc(new CxoneSandboxFaults(0, 1, 0));

    @Test
    void theDiscoveryNamesTheTenantsApiHost() throws Exception {
        JsonNode found = read(exchange(get(BASE + "/.well-known/cxone-configuration?tenantId=tenant-1"))
                .getContentAsString());
        assertThat(found.path("api_endpoint").asText()).isEqualTo("http://localhost:80" + BASE);
        assertThat(found.path("area").asText()).isEqualTo("na1");
        assertThat(exchange(get(BASE + "/.well-known/cxone-configuration?tenantId=other")).getStatus())
                .isEqualTo(404);
    }

    @Test
    void thePasswordGrantWithBasicClientGivesATokenAndRefusesWhatItMust() throws Exception {
        assertThat(read(token(BASIC, "key-id", "key-secret").getContentAsString()).path("token_type").asText())
                .isEqualTo("Bearer");
        assertThat(token(BASIC, "key-id", "wrong").getStatus()).isEqualTo(400);
        String wrongClient = "Basic " + Base64.getEncoder().encodeToString("client:x".getBytes(StandardCharsets.UTF_8));
        assertThat(token(wrongClient, "key-id", "key-secret").getStatus()).isEqualTo(401);
        assertThat(token(null, "key-id", "key-secret").getStatus()).isEqualTo(401);
    }

    @Test
    void completedContactsPageByLinksNextThenAnswer204PastTheEnd() throws Exception {
        String bearer = bearer();
        int expected = sandbox.contacts().between(Instant.parse("2026-10-01T04:00:00Z"),
                Instant.parse("2026-11-01T03:59:59Z"), null).size();
        String url = COMPLETED + WINDOW + "&top=1000&skip=0";
        List<Integer> sizes = new ArrayList<>();
        while (url != null) {
            JsonNode page = read(exchange(get(URI.create(url)).header("Authorization", bearer)).getContentAsString());
            assertThat(page.path("totalRecords").asInt()).isEqualTo(expected);
            sizes.add(page.path("completedContacts").size());
            JsonNode next = page.path("_links").path("next");
            url = next.isNull() ? null : next.asText().substring("http://localhost:80".length());
        }
        // every page but the last is full
        assertThat(sizes.subList(0, sizes.size() - 1)).allMatch(size -> size == 1000);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected);
        MockHttpServletResponse past = exchange(get(URI.create(COMPLETED + WINDOW + "&top=1000&skip=" + expected))
                .header("Authorization", bearer));
        assertThat(past.getStatus()).isEqualTo(204);
        assertThat(past.getContentAsByteArray()).isEmpty();
    }

    @Test
    void mediaTypeIdKeepsThePhoneContactsAndTheLinksKeepTheFilter() throws Exception {
        // the month's history also holds digital contacts: a chat after every 4th call, an e-mail after every 5th
        List<CxonePublishedContact> all = sandbox.contacts().all();
        long calls = all.stream().filter(c -> c.mediaTypeId() == 4).count();
        assertThat(all.stream().filter(c -> c.mediaTypeId() == 3).count()).isEqualTo(calls / 4);
        assertThat(all.stream().filter(c -> c.mediaTypeId() == 1).count()).isEqualTo(calls / 5);
        assertThat(all).hasSize((int) (calls + calls / 4 + calls / 5));

        JsonNode unfiltered = read(exchange(get(URI.create(COMPLETED + WINDOW + "&top=1&skip=0"))
                .header("Authorization", bearer())).getContentAsString());
        JsonNode phone = read(exchange(get(URI.create(COMPLETED + WINDOW + "&mediaTypeId=4&top=1000&skip=0"))
                .header("Authorization", bearer())).getContentAsString());
        int phoneInWindow = phone.path("totalRecords").asInt();
        assertThat(unfiltered.path("totalRecords").asInt()).isGreaterThan(phoneInWindow);
        assertThat(phone.path("completedContacts")).hasSize(1000)
                .allMatch(contact -> contact.path("mediaTypeId").asInt() == 4);
        assertThat(phone.path("_links").path("next").asText()).contains("&mediaTypeId=4&top=1000&skip=1000");
    }

    @Test
    void withoutLinksTheLastPageNamesNoNext() throws Exception {
        sandbox.linksNext(false);
        JsonNode page = read(exchange(get(URI.create(COMPLETED + WINDOW + "&top=5&skip=0"))
                .header("Authorization", bearer())).getContentAsString());
        assertThat(page.path("completedContacts").size()).isEqualTo(5);
        assertThat(page.path("_links").path("next").isNull()).isTrue();
    }

    @Test
    void refusalsAreDocumentedAndA429CarriesNoRetryAfter() throws Exception {
        assertThat(exchange(get(URI.create(COMPLETED + WINDOW))).getStatus()).isEqualTo(401);
        assertThat(exchange(get(URI.create(COMPLETED + "?startDate=yesterday&endDate=today"))
                .header("Authorization", bearer())).getStatus()).isEqualTo(400);
        MockMvc limited = mvc(new CxoneSandboxFaults(1, 1, 0));
        MockHttpServletResponse answer = exchange(limited, get(URI.create(COMPLETED + WINDOW))
                .header("Authorization", bearer()));
        assertThat(answer.getStatus()).isEqualTo(429);
        assertThat(answer.getHeader("Retry-After")).isNull();
    }

    @Test
    void aDataExtractionJobRunsThenSucceedsWithAShortLivedLinkAndCallsArePaced() throws Exception {
        String bearer = bearer();
        MockHttpServletResponse created = exchange(post(BASE + "/data-extraction/v1/jobs")
                .header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content("""
                        {"entityName": "completed-contacts", "version": "1", "startDate": "2026-10-01T04:00:00Z",
                         "endDate": "2026-11-01T03:59:59Z"}"""));
        assertThat(created.getStatus()).isEqualTo(202);
        String id = read(created.getContentAsString()).asText();
        assertThat(id).isEqualTo("dex-0001");
        String job = BASE + "/data-extraction/v1/jobs/" + id;
        // a second call within 30 s of the sandbox clock is refused
        assertThat(exchange(get(job).header("Authorization", bearer)).getStatus()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(30));
        assertThat(read(exchange(get(job).header("Authorization", bearer)).getContentAsString())
                .path("jobStatus").path("status").asText()).isEqualTo("RUNNING");
        clock.advance(Duration.ofSeconds(30));
        JsonNode done = read(exchange(get(job).header("Authorization", bearer)).getContentAsString()).path("jobStatus");
        assertThat(done.path("status").asText()).isEqualTo("SUCCEEDED");
        String file = done.path("result").path("url").asText().substring("http://localhost:80".length());
        JsonNode contacts = read(mvc.perform(get(file)).andReturn().getResponse().getContentAsString());
        assertThat(contacts.path("completedContacts").size()).isEqualTo(sandbox.contacts().between(
                Instant.parse("2026-10-01T04:00:00Z"), Instant.parse("2026-11-01T03:59:59Z"), null).size());
        // the link lives 5 s of the sandbox clock
        clock.advance(Duration.ofSeconds(5));
        assertThat(mvc.perform(get(file)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theValidatorRefusesAnUndeclaredJobStatus() {
        Response undeclared = SimpleResponse.Builder.status(200).withContentType(MediaType.APPLICATION_JSON_VALUE)
                .withBody("{\"jobStatus\": {\"id\": \"dex-0001\", \"status\": \"DONE\"}}").build();
        assertThat(keys(VALIDATOR.validateResponse("/data-extraction/v1/jobs/dex-0001", Request.Method.GET,
                undeclared))).contains("validation.response.body.schema.enum");
    }

    // Negative self-checks: the validator refuses what a broken sandbox could answer.

    @Test
    void theValidatorRefusesWrongTypesAndAMissingContactsArray() throws Exception {
        ObjectNode page = (ObjectNode) read(exchange(get(URI.create(COMPLETED + WINDOW + "&top=2&skip=0"))
                .header("Authorization", bearer())).getContentAsString());
        assertThat(keys(validateCompleted(page))).isEmpty();
        ObjectNode textId = page.deepCopy();
        ((ObjectNode) textId.path("completedContacts").get(0)).put("contactId", "500000001");
        assertThat(keys(validateCompleted(textId))).contains("validation.response.body.schema.type");
        ObjectNode textFlag = page.deepCopy();
        ((ObjectNode) textFlag.path("completedContacts").get(0)).put("isOutbound", "false");
        assertThat(keys(validateCompleted(textFlag))).contains("validation.response.body.schema.type");
        ObjectNode renamed = page.deepCopy();
        renamed.set("contacts", renamed.remove("completedContacts"));
        assertThat(keys(validateCompleted(renamed))).contains("validation.response.body.schema.required");
    }

    private MockHttpServletResponse token(String basic, String username, String password) throws Exception {
        MockHttpServletRequestBuilder request = post(BASE + "/auth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("grant_type=password&username=" + username + "&password=" + password);
        return exchange(basic == null ? request : request.header("Authorization", basic));
    }

    private String bearer() throws Exception {
        return "Bearer " + read(token(BASIC, "key-id", "key-secret").getContentAsString()).path("access_token")
                .asText();
    }

    private MockHttpServletResponse exchange(MockHttpServletRequestBuilder builder) throws Exception {
        return exchange(mvc, builder);
    }

    /** Performs the request; a 200 or 204 is validated whole, another status must be one the operation lists. */
    private static MockHttpServletResponse exchange(MockMvc mvc, MockHttpServletRequestBuilder builder)
            throws Exception {
        MvcResult result = mvc.perform(builder).andReturn();
        MockHttpServletRequest request = result.getRequest();
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        if (status == 200 || status == 202 || status == 204) {
            assertValid(VALIDATOR.validate(request(request), response(response, status)));
        } else {
            String path = request.getRequestURI().substring(BASE.length());
            String template = path.startsWith("/inContactAPI/") ? "/inContactAPI/services/{version}/contacts/completed"
                    : path.startsWith("/data-extraction/v1/jobs/") ? "/data-extraction/v1/jobs/{jobId}" : path;
            JsonNode responses = SPEC.path("paths").path(template).path(request.getMethod().toLowerCase())
                    .path("responses");
            assertThat(responses.has(Integer.toString(status)))
                    .as("%s %s documents status %d", request.getMethod(), template, status).isTrue();
        }
        return response;
    }

    private static ValidationReport validateCompleted(JsonNode page) {
        return VALIDATOR.validateResponse("/inContactAPI/services/v31.0/contacts/completed", Request.Method.GET,
                SimpleResponse.Builder.status(200).withContentType(MediaType.APPLICATION_JSON_VALUE)
                        .withBody(page.toString()).build());
    }

    private static void assertValid(ValidationReport report) {
        assertThat(report.getMessages()).as("contract violations")
                .filteredOn(message -> message.getLevel() == ValidationReport.Level.ERROR
                        || message.getLevel() == ValidationReport.Level.WARN)
                .isEmpty();
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
        byte[] body = request.getContentAsByteArray();
        if (body != null && body.length > 0) {
            builder.withBody(new String(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static Response response(MockHttpServletResponse response, int status) throws IOException {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        for (String name : response.getHeaderNames()) {
            builder.withHeader(name, response.getHeaders(name));
        }
        if (response.getContentAsByteArray().length > 0) {
            builder.withBody(response.getContentAsString());
        }
        return builder.build();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String spec() {
        try (InputStream in = CxonePublishedContractTest.class.getResourceAsStream(SPEC_FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
