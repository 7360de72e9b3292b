package io.billinghub.sandbox.org;

import static io.billinghub.sandbox.org.OrgSandboxTestSupport.SNAPSHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox;
import io.billinghub.sandbox.cxone.CxoneSandboxFaults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The sandbox's published agents (GET /sandbox/cxone-published/inContactAPI/services/v{N}/agents) against the
 * getAgents operation of src/test/resources/contracts/cxone-published.openapi.json (TRANSCRIBED: its description
 * names the source), checked by Atlassian's swagger-request-validator beside CxonePublishedContractTest, which
 * checks the same host's contacts and jobs. 200 and 204 answers are validated whole, the other statuses must be
 * documented for the operation; the negative checks prove the validator refuses wrong types and a missing agents
 * array.
 */
@CxoneOrgSandboxTest
class CxonePublishedAgentsContractTest {

    private static final String BASE = CxonePublishedSandbox.BASE;
    private static final String AGENTS = BASE + "/inContactAPI/services/v31.0/agents";
    private static final String OPERATION = "/inContactAPI/services/{version}/agents";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC_TEXT = spec();
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(SPEC_TEXT).withBasePathOverride(BASE).build();

    @Autowired
    private MockMvc mvc;
    @Autowired
    private SettableClock clock;
    @Autowired
    private CxonePublishedSandbox published;
    @Autowired
    private CxoneSandboxFaults faults;

    private String bearer;

    @BeforeEach
    void reset() {
        clock.set(SNAPSHOT);
        faults.reset();
        published.reset();
        bearer = OrgSandboxTestSupport.publishedBearer(published);
    }

    @Test
    void pagesOfAgentsFollowTheirNextLinksThenA204() throws Exception {
        // 59 agents at the end of October, 25 a page: 25, 25, 9, each naming the next until the last
        String url = AGENTS + "?top=25&skip=0";
        int pages = 0;
        int agents = 0;
        while (url != null) {
            JsonNode page = JSON.readTree(exchange(url, bearer).getContentAsString());
            assertThat(page.path("totalRecords").asInt()).isEqualTo(59);
            agents += page.path("agents").size();
            pages++;
            JsonNode next = page.path("_links").path("next");
            url = next.isNull() ? null : next.asText().substring("http://localhost:80".length());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(agents).isEqualTo(59);
        MockHttpServletResponse past = exchange(AGENTS + "?top=25&skip=59", bearer);
        assertThat(past.getStatus()).isEqualTo(204);
        assertThat(past.getContentAsByteArray()).isEmpty();
    }

    @Test
    void isActiveFiltersAndTheLinksKeepTheFilter() throws Exception {
        // 56 active (27 COL-0500, 27 RET-0452, the 2 accounts); 3 not (suspended, inactive, deleted)
        JsonNode active = JSON.readTree(exchange(AGENTS + "?isActive=true&top=50", bearer).getContentAsString());
        assertThat(active.path("totalRecords").asInt()).isEqualTo(56);
        assertThat(active.path("_links").path("next").asText()).endsWith("/agents?isActive=true&top=50&skip=50");
        JsonNode inactive = JSON.readTree(exchange(AGENTS + "?isActive=false", bearer).getContentAsString());
        assertThat(inactive.path("totalRecords").asInt()).isEqualTo(3);
        assertThat(inactive.path("agents")).allMatch(agent -> !agent.path("isActive").asBoolean());
    }

    @Test
    void refusalsAreDocumentedAndA429CarriesNoRetryAfter() throws Exception {
        assertThat(exchange(AGENTS, null).getStatus()).isEqualTo(401);
        assertThat(exchange(AGENTS + "?top=0", bearer).getStatus()).isEqualTo(400);
        assertThat(exchange(AGENTS + "?isActive=maybe", bearer).getStatus()).isEqualTo(400);
        faults.behave(1, 1, 0);
        MockHttpServletResponse limited = exchange(AGENTS, bearer);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeader(HttpHeaders.RETRY_AFTER)).isNull();
        faults.behave(0, 1, 1);
        assertThat(exchange(AGENTS, bearer).getStatus()).isEqualTo(503);
    }

    // Negative self-checks: the validator refuses what a broken sandbox could answer.

    @Test
    void theValidatorRefusesWrongTypesAndAMissingAgentsArray() throws Exception {
        ObjectNode page = (ObjectNode) JSON.readTree(exchange(AGENTS + "?top=2", bearer).getContentAsString());
        assertThat(keys(validate(page))).isEmpty();
        ObjectNode textId = page.deepCopy();
        ((ObjectNode) textId.path("agents").get(0)).put("agentId", "1000001");
        assertThat(keys(validate(textId))).contains("validation.response.body.schema.type");
        ObjectNode textFlag = page.deepCopy();
        ((ObjectNode) textFlag.path("agents").get(0)).put("isActive", "true");
        assertThat(keys(validate(textFlag))).contains("validation.response.body.schema.type");
        ObjectNode renamed = page.deepCopy();
        renamed.set("users", renamed.remove("agents"));
        assertThat(keys(validate(renamed))).contains("validation.response.body.schema.required");
    }

    /** Performs the GET; a 200 or 204 is validated whole, another status must be one the operation lists. */
    private MockHttpServletResponse exchange(String url, String authorization) throws Exception {
        var builder = get(URI.create(url));
        MvcResult result = mvc.perform(authorization == null ? builder
                : builder.header(HttpHeaders.AUTHORIZATION, authorization)).andReturn();
        MockHttpServletRequest request = result.getRequest();
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        if (status == 200 || status == 204) {
            SimpleRequest.Builder validated = new SimpleRequest.Builder(Request.Method.GET, request.getRequestURI());
            request.getParameterMap().forEach((name, values) -> validated.withQueryParam(name, values));
            if (authorization != null) {
                validated.withHeader(HttpHeaders.AUTHORIZATION, authorization);
            }
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
            if (status == 200) {
                answer.withContentType(MediaType.APPLICATION_JSON_VALUE).withBody(response.getContentAsString());
            }
            ValidationReport report = VALIDATOR.validate(validated.build(), answer.build());
            assertThat(keys(report)).as(report.toString()).isEmpty();
        } else {
            JsonNode responses = JSON.readTree(SPEC_TEXT).path("paths").path(OPERATION).path("get")
                    .path("responses");
            assertThat(responses.has(Integer.toString(status))).as("GET %s documents status %d", OPERATION, status)
                    .isTrue();
        }
        return response;
    }

    private static ValidationReport validate(JsonNode page) {
        return VALIDATOR.validateResponse("/inContactAPI/services/v31.0/agents", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType(MediaType.APPLICATION_JSON_VALUE)
                        .withBody(page.toString()).build());
    }

    private static Set<String> keys(ValidationReport report) {
        Set<String> keys = new TreeSet<>();
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> keys.add(m.getKey()));
        return keys;
    }

    private static String spec() {
        try (InputStream in = CxonePublishedAgentsContractTest.class
                .getResourceAsStream("/contracts/cxone-published.openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
