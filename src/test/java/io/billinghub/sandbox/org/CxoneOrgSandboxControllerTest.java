package io.billinghub.sandbox.org;

import static io.billinghub.sandbox.org.OrgSandboxTestSupport.SNAPSHOT;
import static io.billinghub.sandbox.org.OrgSandboxTestSupport.T0;
import static io.billinghub.sandbox.org.OrgSandboxTestSupport.extract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import io.billinghub.extraction.org.CxoneOrgAdapter;
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgResource;
import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox;
import io.billinghub.sandbox.cxone.CxoneSandboxFaults;
import io.billinghub.sandbox.cxone.CxoneTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The CXone organisation APIs over HTTP, without injected faults, on the default October 2026 month: on the document
 * host (/sandbox/cxone) and passed through on the published API's host (/sandbox/cxone-published), each reading
 * the tokens its host issues.
 */
@CxoneOrgSandboxTest
class CxoneOrgSandboxControllerTest {

    private static final String BASE = "http://localhost/sandbox/cxone";
    private static final String PUBLISHED_BASE = "http://localhost/sandbox/cxone-published";
    private static final String USERS = "/sandbox/cxone/api/v2/users";
    private static final String CONTACTS = "/sandbox/cxone/api/v2/contacts/queue-metrics";
    private static final String INVOICE = "/sandbox/cxone/api/v2/billing/invoices/platform";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private SettableClock clock;
    @Autowired
    private CxoneTokens tokens;
    @Autowired
    private CxonePublishedSandbox published;
    @Autowired
    private CxoneSandboxFaults faults;
    @Autowired
    private OrgMonths months;

    private OrgMonth month;
    private String bearer;
    private String publishedBearer;

    @BeforeEach
    void reset() {
        clock.set(T0);
        tokens.reset();
        faults.reset();
        month = months.cxone();
        // Any of the tenant's scopes reads the organisation, even one granted for reports only.
        bearer = "Bearer " + tokens.issue("test-client", "test-secret", List.of(CxoneTokens.READ_REPORTS))
                .orElseThrow().accessToken();
        // a PUBLISHED tenant's token: the password grant with the sandbox's default access key
        publishedBearer = OrgSandboxTestSupport.publishedBearer(published);
    }

    @Test
    void followsTheNextLinksThroughTheUsersEachOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        String uri = USERS + "?asOf=2026-11-01T00:00:00Z&top=25";
        for (int page = 0; page < 3; page++) {
            String body = call(uri).andExpect(status().isOk())
                    .andExpect(jsonPath("$.totalRecords").value(59))
                    .andExpect(jsonPath("$.asOf").value("2026-11-01T00:00:00Z"))
                    .andReturn().getResponse().getContentAsString();
            ids.addAll(JsonPath.read(body, "$.users[*].userId"));
            uri = JsonPath.read(body, "$._links.next");
        }
        assertThat(uri).isNull();
        assertThat(ids).hasSize(59).doesNotHaveDuplicates()
                .isEqualTo(month.users(SNAPSHOT).stream().map(OrgRecord.User::userId).toList());
        call(USERS + "?asOf=2026-11-01T00:00:00Z&skip=25&top=25")
                .andExpect(jsonPath("$.users", hasSize(25)))
                .andExpect(jsonPath("$._links.next").value("/sandbox/cxone/api/v2/users"
                        + "?asOf=2026-11-01T00:00:00Z&skip=50&top=25"));
        call(USERS + "?asOf=2026-11-01T00:00:00Z&skip=59")
                .andExpect(jsonPath("$.users", hasSize(0))).andExpect(jsonPath("$._links.next").value((Object) null));
    }

    @Test
    void servesUsersAndContactsInTheCxoneShape() throws Exception {
        OrgRecord.User first = month.users(SNAPSHOT).get(0);
        call(USERS + "?asOf=2026-11-01T00:00:00Z&top=1")
                .andExpect(jsonPath("$.users[0].userId").value("1000001"))
                .andExpect(jsonPath("$.users[0].firstName").value(first.name().split(" ")[0]))
                .andExpect(jsonPath("$.users[0].lastName").value(first.name().split(" ")[1]))
                .andExpect(jsonPath("$.users[0].status").value("Active"))
                .andExpect(jsonPath("$.users[0].licenseType").value(first.licenceType()))
                .andExpect(jsonPath("$.users[0].divisionId").value("cxone-na"))
                .andExpect(jsonPath("$.users[0].userType").value("Agent"))
                .andExpect(jsonPath("$.users[0].customFields['Cost Center Code']").value("COL-0500"))
                .andExpect(jsonPath("$.users[0].customFields['BU::OWNER']").value("COLLECTIONS"));
        String service = month.planted().nonHumanAccounts().get(0);
        call(USERS + "?asOf=2026-11-01T00:00:00Z&top=500")
                .andExpect(jsonPath("$.users[?(@.userId == '" + service + "')].userType").value("ServiceAccount"));
        OrgRecord.Conversation c = month.conversations().get(0);
        call(CONTACTS + "?asOf=2026-11-01T00:00:00Z&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z&top=1")
                .andExpect(jsonPath("$.totalRecords").value(934))
                .andExpect(jsonPath("$.contacts[0].contactId").value(c.conversationId()))
                .andExpect(jsonPath("$.contacts[0].trunkId").value("301"))
                .andExpect(jsonPath("$.contacts[0].initialSkillId").value(c.initialQueueId()))
                .andExpect(jsonPath("$.contacts[0].skillId").value(c.queueId()))
                .andExpect(jsonPath("$.contacts[0].routingRuleId").value(c.routingRuleId()))
                .andExpect(jsonPath("$.contacts[0].contactStart").value(c.start().toString()))
                .andExpect(jsonPath("$.contacts[0].talkSeconds").value(c.talkSeconds()))
                .andExpect(jsonPath("$.contacts[0].holdSeconds").value(c.holdSeconds()))
                .andExpect(jsonPath("$.contacts[0].acwSeconds").value(c.wrapUpSeconds()))
                .andExpect(jsonPath("$._links.next").value("/sandbox/cxone/api/v2/contacts/queue-metrics"
                        + "?asOf=2026-11-01T00:00:00Z&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z"
                        + "&skip=1&top=1"));
    }

    @Test
    void theHubAdapterReadsEveryResourceBackWithTheCostCentreAsCostCenterId() throws Exception {
        CxoneOrgAdapter adapter = new CxoneOrgAdapter(new ObjectMapper());
        List<OrgRecord.User> users = month.users(SNAPSHOT).stream().map(u -> new OrgRecord.User(u.userId(),
                u.name(), u.status(), u.licenceType(), u.division(), u.accountType(), canonical(u.attributes())))
                .toList();
        List<OrgRecord.Queue> skills = month.queues().stream().map(q -> new OrgRecord.Queue(q.queueId(), q.name(),
                q.division(), canonical(q.attributes()))).toList();
        assertThat(extract(mvc, adapter, BASE, OrgResource.USERS, SNAPSHOT, 20, bearer)).isEqualTo(users);
        assertThat(extract(mvc, adapter, BASE, OrgResource.QUEUES, SNAPSHOT, 3, bearer)).isEqualTo(skills);
        assertThat(extract(mvc, adapter, BASE, OrgResource.TRUNKS, SNAPSHOT, 3, bearer)).isEqualTo(month.trunks());
        assertThat(extract(mvc, adapter, BASE, OrgResource.CONVERSATIONS, SNAPSHOT, 200, bearer))
                .isEqualTo(month.conversations());
        assertThat(extract(mvc, adapter, BASE, OrgResource.WFM_SHIFTS, SNAPSHOT, 500, bearer))
                .isEqualTo(month.shifts());
        assertThat(extract(mvc, adapter, BASE, OrgResource.ANALYTICS, SNAPSHOT, 50, bearer))
                .isEqualTo(month.analytics());
        assertThat(extract(mvc, adapter, BASE, OrgResource.SESSIONS, SNAPSHOT, 500, bearer))
                .isEqualTo(month.sessions());
        assertThat(extract(mvc, adapter, BASE, OrgResource.INVOICE, SNAPSHOT, 500, bearer))
                .isEqualTo(month.invoice().lines());
    }

    @Test
    void thePublishedHostServesTheSameOrganisationToThePublishedToken() throws Exception {
        CxoneOrgAdapter adapter = new CxoneOrgAdapter(new ObjectMapper());
        // 59 users at the snapshot, 25 a page: the next links stay on the published host
        assertThat(extract(mvc, adapter, PUBLISHED_BASE, OrgResource.USERS, SNAPSHOT, 25, publishedBearer))
                .hasSize(59);
        mvc.perform(get("/sandbox/cxone-published/api/v2/users?asOf=2026-11-01T00:00:00Z&top=25")
                        .header(HttpHeaders.AUTHORIZATION, publishedBearer))
                .andExpect(jsonPath("$._links.next").value("/sandbox/cxone-published/api/v2/users"
                        + "?asOf=2026-11-01T00:00:00Z&skip=25&top=25"));
        for (OrgResource resource : OrgResource.DOCUMENT) {
            assertThat(extract(mvc, adapter, PUBLISHED_BASE, resource, SNAPSHOT, 500, publishedBearer))
                    .as(resource.name()).isNotEmpty()
                    .isEqualTo(extract(mvc, adapter, BASE, resource, SNAPSHOT, 500, bearer));
        }
    }

    @Test
    void eachHostAcceptsOnlyTheTokensItIssues() throws Exception {
        mvc.perform(get(USERS + "?asOf=2026-11-01T00:00:00Z").header(HttpHeaders.AUTHORIZATION, publishedBearer))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_token"));
        String publishedUsers = "/sandbox/cxone-published/api/v2/users?asOf=2026-11-01T00:00:00Z";
        call(publishedUsers).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_token"));
        mvc.perform(get(publishedUsers)).andExpect(status().isUnauthorized());
    }

    @Test
    void servesTheInvoiceOnceIssued() throws Exception {
        call(INVOICE + "?asOf=2026-11-06T00:00:00Z&period=2026-10")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invoiceId").value("PLT-CXO-2026-10"))
                .andExpect(jsonPath("$.asOf").value("2026-11-06T00:00:00Z"))
                .andExpect(jsonPath("$.lines", hasSize(8)))
                .andExpect(jsonPath("$.lines[7].category").value("API_STORAGE"))
                .andExpect(jsonPath("$.lines[7].amount").value("480.00"));
        call(INVOICE + "?asOf=2026-10-20T00:00:00Z&period=2026-10")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("invoice_not_found"));
    }

    @Test
    void refusesBadParametersWithA400InTheCxoneShape() throws Exception {
        badRequest(USERS + "?top=10", "asOf is required (an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z)");
        badRequest(USERS + "?asOf=2026-11-01", "asOf must be an ISO-8601 instant (e.g. 2026-11-01T00:00:00Z), "
                + "was '2026-11-01'");
        badRequest(USERS + "?asOf=2026-11-01T00:00:00Z&top=1000", "top must be between 1 and 500, was 1000");
        badRequest(USERS + "?asOf=2026-11-01T00:00:00Z&skip=-1", "skip must be at least 0, was -1");
        badRequest(CONTACTS + "?asOf=2026-11-01T00:00:00Z&from=2026-10-01T00:00:00Z",
                "to is required (an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z)");
        badRequest(INVOICE + "?asOf=2026-11-01T00:00:00Z&period=2026-11",
                "unknown period 2026-11: the tenant is billed for 2026-10 only");
    }

    @Test
    void requiresAValidBearerToken() throws Exception {
        mvc.perform(get(USERS + "?asOf=2026-11-01T00:00:00Z"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.error").value("invalid_token"));
        clock.advance(Duration.ofSeconds(120));
        call(USERS + "?asOf=2026-11-01T00:00:00Z").andExpect(status().isUnauthorized());
    }

    private ResultActions call(String uri) throws Exception {
        return mvc.perform(get(uri).header(HttpHeaders.AUTHORIZATION, bearer));
    }

    private void badRequest(String uri, String message) throws Exception {
        call(uri).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.error").value("invalid_request"))
                .andExpect(jsonPath("$.message").value(message));
    }

    /** CXone's "Cost Center Code" under the canonical key, in its place. */
    private static Map<String, String> canonical(Map<String, String> customFields) {
        Map<String, String> attributes = new LinkedHashMap<>();
        customFields.forEach((key, value) -> attributes.put(key.equals("Cost Center Code") ? "CostCenterID" : key,
                value));
        return attributes;
    }
}
