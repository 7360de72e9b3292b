package io.billinghub.sandbox.org;

import static io.billinghub.sandbox.org.OrgSandboxTestSupport.SNAPSHOT;
import static io.billinghub.sandbox.org.OrgSandboxTestSupport.T0;
import static io.billinghub.sandbox.org.OrgSandboxTestSupport.extract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import io.billinghub.extraction.org.GenesysOrgAdapter;
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgResource;
import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.SandboxFaults;
import io.billinghub.sandbox.SandboxTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The Genesys organisation APIs over HTTP, without injected faults, on the default October 2026 month. */
@WebMvcTest(controllers = GenesysOrgSandboxController.class, properties = {
        "hub.embedded.sandbox.enabled=true",
        "hub.embedded.sandbox.dataset=classpath:sandbox/usage-small.json",
        "hub.embedded.sandbox.client-id=test-client",
        "hub.embedded.sandbox.client-secret=test-secret",
        "hub.embedded.sandbox.token-ttl-seconds=300",
        "hub.embedded.sandbox.rate-limit-every=0",
        "hub.embedded.sandbox.unavailable-every=0",
        "hub.embedded.sandbox.duplicate-page=0"})
@Import(OrgSandboxTestSupport.ClockConfig.class)
// the slice has none of the hub's security: the sandbox checks its own bearer tokens
@AutoConfigureMockMvc(addFilters = false)
class GenesysOrgSandboxControllerTest {

    private static final String BASE = "http://localhost/sandbox/genesys";
    private static final String USERS = "/sandbox/genesys/api/v2/users";
    private static final String METRICS = "/sandbox/genesys/api/v2/analytics/conversations/queue-metrics";
    private static final String INVOICE = "/sandbox/genesys/api/v2/billing/invoices/platform";
    private static final String OCTOBER_RANGE = "&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z";

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

    private OrgMonth month;
    private String bearer;

    @BeforeEach
    void reset() {
        clock.set(T0);
        tokens.reset();
        faults.reset();
        month = months.genesys();
        bearer = "Bearer " + tokens.issue("test-client", "test-secret").orElseThrow().accessToken();
    }

    @Test
    void pagesThroughTheUsersAsOfTheSnapshotEachOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            String body = call(USERS + "?asOf=2026-11-01T00:00:00Z&pageSize=50&pageNumber=" + page)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.pageNumber").value(page))
                    .andExpect(jsonPath("$.pageSize").value(50))
                    .andExpect(jsonPath("$.pageCount").value(3))
                    .andExpect(jsonPath("$.total").value(119))
                    .andExpect(jsonPath("$.asOf").value("2026-11-01T00:00:00Z"))
                    .andExpect(jsonPath("$.from").doesNotExist())
                    .andReturn().getResponse().getContentAsString();
            ids.addAll(JsonPath.read(body, "$.entities[*].id"));
        }
        assertThat(ids).hasSize(119).doesNotHaveDuplicates()
                .isEqualTo(month.users(SNAPSHOT).stream().map(OrgRecord.User::userId).toList());
        call(USERS + "?asOf=2026-11-01T00:00:00Z&pageSize=50&pageNumber=4").andExpect(status().isOk())
                .andExpect(jsonPath("$.entities", hasSize(0)));
    }

    @Test
    void servesUsersInTheGenesysShape() throws Exception {
        OrgRecord.User first = month.users(SNAPSHOT).get(0);
        call(USERS + "?asOf=2026-11-01T00:00:00Z&pageSize=1")
                .andExpect(jsonPath("$.entities[0].id").value(first.userId()))
                .andExpect(jsonPath("$.entities[0].name").value(first.name()))
                .andExpect(jsonPath("$.entities[0].state").value("active"))
                .andExpect(jsonPath("$.entities[0].licensingType").value(first.licenceType()))
                .andExpect(jsonPath("$.entities[0].division.id").value("us-east"))
                .andExpect(jsonPath("$.entities[0].division.name").value("US East"))
                .andExpect(jsonPath("$.entities[0].accountType").value("agent"))
                .andExpect(jsonPath("$.entities[0].customAttributes['BU::OWNER']").value("RETAIL"))
                .andExpect(jsonPath("$.entities[0].customAttributes['BU::ALLOCATION_MODEL']")
                        .value("UTILIZATION_WEIGHTED"));
        String deleted = month.planted().deleted();
        call(USERS + "?asOf=2026-11-01T00:00:00Z&pageSize=500")
                .andExpect(jsonPath("$.entities[?(@.id == '" + deleted + "')].state", contains("deleted")))
                .andExpect(jsonPath("$.entities[?(@.id == '" + deleted + "')].licensingType", contains((Object) null)));
    }

    @Test
    void servesTimeRangedRecordsInTheGenesysShape() throws Exception {
        OrgRecord.Conversation c = month.conversations().get(0);
        call(METRICS + "?asOf=2026-11-01T00:00:00Z" + OCTOBER_RANGE + "&pageSize=1")
                .andExpect(jsonPath("$.total").value(3561))
                .andExpect(jsonPath("$.pageCount").value(3561))
                .andExpect(jsonPath("$.from").value("2026-10-01T00:00:00Z"))
                .andExpect(jsonPath("$.to").value("2026-11-01T00:00:00Z"))
                .andExpect(jsonPath("$.entities[0].conversationId").value(c.conversationId()))
                .andExpect(jsonPath("$.entities[0].trunkId").value(c.trunkId()))
                .andExpect(jsonPath("$.entities[0].initialQueueId").value(c.initialQueueId()))
                .andExpect(jsonPath("$.entities[0].queueId").value(c.queueId()))
                .andExpect(jsonPath("$.entities[0].routingRuleId").value(c.routingRuleId()))
                .andExpect(jsonPath("$.entities[0].conversationStart").value(c.start().toString()))
                .andExpect(jsonPath("$.entities[0].tTalk").value(c.talkSeconds()))
                .andExpect(jsonPath("$.entities[0].tHeld").value(c.holdSeconds()))
                .andExpect(jsonPath("$.entities[0].tAcw").value(c.wrapUpSeconds()));
        // 22:00 UTC on 31 October: the New York night shift (18:00 EDT) and the London one (22:00 GMT).
        String newYork = "$.entities[?(@.timeZone == 'America/New_York')]";
        call("/sandbox/genesys/api/v2/workforcemanagement/schedules?asOf=2026-11-01T00:00:00Z"
                + "&from=2026-10-31T22:00:00Z&to=2026-10-31T22:00:01Z")
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath(newYork + ".startDateLocal", contains("2026-10-31T18:00:00",
                        "2026-10-31T18:00:00")))
                .andExpect(jsonPath(newYork + ".endDateLocal", contains("2026-11-01T02:30:00",
                        "2026-11-01T02:30:00")))
                .andExpect(jsonPath("$.entities[?(@.timeZone == 'Europe/London')].startDateLocal",
                        contains("2026-10-31T22:00:00", "2026-10-31T22:00:00", "2026-10-31T22:00:00")))
                .andExpect(jsonPath("$.entities[0].shiftId").isString())
                .andExpect(jsonPath("$.entities[0].userId").isString())
                .andExpect(jsonPath("$.entities[0].availableMinutes").isNumber());
        OrgRecord.AnalyticsUsage usage = month.analytics().get(0);
        call("/sandbox/genesys/api/v2/speechandtextanalytics/usage?asOf=2026-11-01T00:00:00Z" + OCTOBER_RANGE
                + "&pageSize=1")
                .andExpect(jsonPath("$.entities[0].id").value(usage.usageId()))
                .andExpect(jsonPath("$.entities[0].queueId").value(usage.queueId()))
                .andExpect(jsonPath("$.entities[0].date").value(usage.day()))
                .andExpect(jsonPath("$.entities[0].processedMinutes").value(usage.processedMinutes().toPlainString()));
        OrgRecord.Session session = month.sessions().get(0);
        call("/sandbox/genesys/api/v2/users/sessions?asOf=2026-11-01T00:00:00Z" + OCTOBER_RANGE + "&pageSize=1")
                .andExpect(jsonPath("$.entities[0].id").value(session.sessionId()))
                .andExpect(jsonPath("$.entities[0].userId").value(session.userId()))
                .andExpect(jsonPath("$.entities[0].loginTime").value(session.start().toString()))
                .andExpect(jsonPath("$.entities[0].logoutTime").value(session.end().toString()));
    }

    @Test
    void theHubAdapterReadsEveryResourceBackExactly() throws Exception {
        GenesysOrgAdapter adapter = new GenesysOrgAdapter(new ObjectMapper());
        assertThat(extract(mvc, adapter, BASE, OrgResource.USERS, SNAPSHOT, 50, bearer))
                .isEqualTo(month.users(SNAPSHOT));
        assertThat(extract(mvc, adapter, BASE, OrgResource.QUEUES, SNAPSHOT, 3, bearer)).isEqualTo(month.queues());
        assertThat(extract(mvc, adapter, BASE, OrgResource.TRUNKS, SNAPSHOT, 2, bearer)).isEqualTo(month.trunks());
        assertThat(extract(mvc, adapter, BASE, OrgResource.CONVERSATIONS, SNAPSHOT, 500, bearer))
                .isEqualTo(month.conversations());
        assertThat(extract(mvc, adapter, BASE, OrgResource.WFM_SHIFTS, SNAPSHOT, 500, bearer))
                .isEqualTo(month.shifts());
        assertThat(extract(mvc, adapter, BASE, OrgResource.ANALYTICS, SNAPSHOT, 100, bearer))
                .isEqualTo(month.analytics());
        assertThat(extract(mvc, adapter, BASE, OrgResource.SESSIONS, SNAPSHOT, 500, bearer))
                .isEqualTo(month.sessions());
        assertThat(extract(mvc, adapter, BASE, OrgResource.INVOICE, SNAPSHOT, 500, bearer))
                .isEqualTo(month.invoice().lines());
    }

    @Test
    void answersWithTheStateAsOfTheInstantAsked() throws Exception {
        GenesysOrgAdapter adapter = new GenesysOrgAdapter(new ObjectMapper());
        Instant later = Instant.parse("2026-11-06T00:00:00Z");
        OrgMonth.Planted planted = month.planted();
        List<OrgRecord> atSnapshot = extract(mvc, adapter, BASE, OrgResource.USERS, SNAPSHOT, 500, bearer);
        List<OrgRecord> afterwards = extract(mvc, adapter, BASE, OrgResource.USERS, later, 500, bearer);
        assertThat(atSnapshot).hasSize(119).extracting(OrgRecord::key).doesNotContain(planted.createdAfterSnapshot());
        assertThat(afterwards).hasSize(120).extracting(OrgRecord::key).contains(planted.createdAfterSnapshot());
        assertThat(user(atSnapshot, planted.changedAfterSnapshot()).attributes()).containsValue("SAL-0100");
        assertThat(user(afterwards, planted.changedAfterSnapshot()).attributes()).containsValue("FIN-0001");
        assertThat(user(afterwards, planted.changedAfterSnapshot()).licenceType()).isEqualTo("CX_3");

        Instant midMonth = Instant.parse("2026-10-15T00:00:00Z");
        call(METRICS + "?asOf=2026-10-15T00:00:00Z" + OCTOBER_RANGE)
                .andExpect(jsonPath("$.asOf").value("2026-10-15T00:00:00Z"))
                .andExpect(jsonPath("$.total").value(month.conversations().stream()
                        .filter(c -> !c.start().isAfter(midMonth)).count()));
    }

    @Test
    void servesTheInvoiceOnceIssued() throws Exception {
        OrgRecord.PlatformCharge first = month.invoice().lines().get(0);
        call(INVOICE + "?asOf=2026-11-01T00:00:00Z&period=2026-10")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invoiceId").value("PLT-GEN-2026-10"))
                .andExpect(jsonPath("$.period").value("2026-10"))
                .andExpect(jsonPath("$.currency").value("USD"))
                .andExpect(jsonPath("$.asOf").value("2026-11-01T00:00:00Z"))
                .andExpect(jsonPath("$.lines", hasSize(12)))
                .andExpect(jsonPath("$.lines[0].lineId").value("PLT-GEN-2026-10-001"))
                .andExpect(jsonPath("$.lines[0].category").value("LICENCE"))
                .andExpect(jsonPath("$.lines[0].trunkId").value((Object) null))
                .andExpect(jsonPath("$.lines[0].chargeType").value("CX_1"))
                .andExpect(jsonPath("$.lines[0].description").value(first.description()))
                .andExpect(jsonPath("$.lines[0].amount").value("975.00"))
                .andExpect(jsonPath("$.lines[3].trunkId").value(month.trunks().get(0).trunkId()))
                .andExpect(jsonPath("$.lines[3].chargeType").value("CAPACITY"));
        call(INVOICE + "?asOf=2026-10-31T23:59:59Z&period=2026-10")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not.found"))
                .andExpect(jsonPath("$.message").value("The invoice of 2026-10 is issued at 2026-11-01T00:00:00Z, "
                        + "after 2026-10-31T23:59:59Z"));
    }

    @Test
    void refusesBadParametersWithA400() throws Exception {
        // (users and queues without asOf are the published API's current state: GenesysCloudOrgSandboxController)
        badRequest("/sandbox/genesys/api/v2/telephony/trunks?pageSize=10",
                "asOf is required (an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z)");
        badRequest(USERS + "?asOf=yesterday", "asOf must be an ISO-8601 instant (e.g. 2026-11-01T00:00:00Z), "
                + "was 'yesterday'");
        badRequest(USERS + "?asOf=2026-11-01T00:00:00Z&pageSize=501", "pageSize must be between 1 and 500, was 501");
        badRequest(USERS + "?asOf=2026-11-01T00:00:00Z&pageSize=0", "pageSize must be between 1 and 500, was 0");
        badRequest(USERS + "?asOf=2026-11-01T00:00:00Z&pageNumber=0", "pageNumber must be at least 1, was 0");
        badRequest(USERS + "?asOf=2026-11-01T00:00:00Z&pageNumber=two", "pageNumber must be a whole number, was 'two'");
        badRequest(METRICS + "?asOf=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z",
                "from is required (an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z)");
        badRequest(METRICS + "?asOf=2026-11-01T00:00:00Z&from=2026-11-01T00:00:00Z&to=2026-10-01T00:00:00Z",
                "from must be before to, was from=2026-11-01T00:00:00Z to=2026-10-01T00:00:00Z");
        badRequest(INVOICE + "?asOf=2026-11-01T00:00:00Z&period=2026-09",
                "unknown period 2026-09: the tenant is billed for 2026-10 only");
        badRequest(INVOICE + "?asOf=2026-11-01T00:00:00Z&period=October",
                "period must be a month, yyyy-MM (e.g. 2026-10), was 'October'");
    }

    @Test
    void requiresAValidBearerToken() throws Exception {
        mvc.perform(get(USERS + "?asOf=2026-11-01T00:00:00Z"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.code").value("bad.credentials"));
        mvc.perform(get(INVOICE + "?asOf=2026-11-01T00:00:00Z&period=2026-10")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
        clock.advance(Duration.ofSeconds(300));
        call(USERS + "?asOf=2026-11-01T00:00:00Z").andExpect(status().isUnauthorized());
    }

    @Test
    void goesThroughTheFaultCountersFirst() throws Exception {
        faults.usageOutage(1);
        call(USERS + "?asOf=2026-11-01T00:00:00Z")
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("service.unavailable"));
        call(USERS + "?asOf=2026-11-01T00:00:00Z").andExpect(status().isOk());
    }

    private ResultActions call(String uri) throws Exception {
        return mvc.perform(get(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer));
    }

    private void badRequest(String uri, String message) throws Exception {
        call(uri).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("bad.request"))
                .andExpect(jsonPath("$.message").value(message));
    }

    private static OrgRecord.User user(List<OrgRecord> users, String id) {
        return users.stream().map(OrgRecord.User.class::cast).filter(u -> u.userId().equals(id)).findFirst()
                .orElseThrow();
    }
}
