package io.billinghub.extraction.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CxoneOrgAdapterTest {

    private static final String BASE = "https://cxone.example.test/sandbox/cxone";
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant SNAPSHOT = Instant.parse("2026-11-01T00:00:00Z");

    private final CxoneOrgAdapter adapter = new CxoneOrgAdapter(new ObjectMapper());

    @Test
    void firstPagesAskForTheSnapshotAndForTheMonthInUtc() {
        assertThat(adapter.vendor()).isEqualTo("cxone");
        assertThat(adapter.firstPage(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 100))
                .isEqualTo(BASE + "/api/v2/users?asOf=2026-11-01T00:00:00Z&skip=0&top=100");
        assertThat(adapter.firstPage(BASE, OrgResource.QUEUES, OCTOBER, SNAPSHOT, 100))
                .isEqualTo(BASE + "/api/v2/skills?asOf=2026-11-01T00:00:00Z&skip=0&top=100");
        assertThat(adapter.firstPage(BASE, OrgResource.TRUNKS, OCTOBER, SNAPSHOT, 100))
                .isEqualTo(BASE + "/api/v2/trunks?asOf=2026-11-01T00:00:00Z&skip=0&top=100");
        assertThat(adapter.firstPage(BASE, OrgResource.CONVERSATIONS, OCTOBER, SNAPSHOT, 500)).isEqualTo(BASE
                + "/api/v2/contacts/queue-metrics?asOf=2026-11-01T00:00:00Z&from=2026-10-01T00:00:00Z"
                + "&to=2026-11-01T00:00:00Z&skip=0&top=500");
        assertThat(adapter.firstPage(BASE, OrgResource.WFM_SHIFTS, OCTOBER, SNAPSHOT, 50))
                .startsWith(BASE + "/api/v2/wfm/schedules?");
        assertThat(adapter.firstPage(BASE, OrgResource.ANALYTICS, OCTOBER, SNAPSHOT, 50))
                .startsWith(BASE + "/api/v2/analytics/usage?");
        assertThat(adapter.firstPage(BASE, OrgResource.SESSIONS, OCTOBER, SNAPSHOT, 50))
                .startsWith(BASE + "/api/v2/agents/sessions?");
        assertThat(adapter.firstPage(BASE, OrgResource.INVOICE, OCTOBER, SNAPSHOT, 50))
                .isEqualTo(BASE + "/api/v2/billing/invoices/platform?asOf=2026-11-01T00:00:00Z&period=2026-10");
    }

    @Test
    void mapsUsersWithTheCostCenterCodeAsCostCenterIdAndRejectsTheUnreadableOnes() {
        String page = """
                {"totalRecords": 9, "asOf": "2026-11-01T00:00:00Z", "users": [
                  {"userId": "1000001", "firstName": "Dan", "lastName": "Jones", "status": "Active",
                   "licenseType": "CX_2", "divisionId": "cxone-na", "userType": "Agent",
                   "customFields": {"BU::OWNER": "COLLECTIONS", "Cost Center Code": "COL-0500",
                                    "BU::ALLOCATION_MODEL": "FLAT_RATE"}},
                  {"userId": "1000058", "firstName": "Ivr", "status": "Suspended", "licenseType": "CX_1",
                   "divisionId": "cxone-na", "userType": "ServiceAccount"},
                  {"userId": "1000059", "status": "Deleted", "userType": "Integration", "customFields": {}},
                  {"userId": "1000060", "status": "OnLeave", "userType": "Agent"},
                  {"userId": "1000061", "status": "Active", "userType": "Agent",
                   "customFields": {"Cost Center Code": "RET-0452", "CostCenterID": "COL-0500"}},
                  {"userId": "1000062", "status": "Active", "userType": "Robot"}
                ], "_links": {"next": "/sandbox/cxone/api/v2/users?asOf=2026-11-01T00:00:00Z&skip=6&top=6"}}""";

        OrgPage parsed = adapter.parse(BASE, OrgResource.USERS, page, SNAPSHOT, 6, 1);

        assertThat(parsed.records()).containsExactly(
                new OrgRecord.User("1000001", "Dan Jones", OrgRecord.UserStatus.ACTIVE, "CX_2", "cxone-na",
                        OrgRecord.AccountType.AGENT, Map.of("BU::OWNER", "COLLECTIONS", "CostCenterID", "COL-0500",
                        "BU::ALLOCATION_MODEL", "FLAT_RATE")),
                new OrgRecord.User("1000058", "Ivr", OrgRecord.UserStatus.SUSPENDED, "CX_1", "cxone-na",
                        OrgRecord.AccountType.SERVICE, Map.of()),
                new OrgRecord.User("1000059", null, OrgRecord.UserStatus.DELETED, null, null,
                        OrgRecord.AccountType.INTEGRATION, Map.of()));
        // The field order is kept, the cost centre where CXone had it.
        assertThat(((OrgRecord.User) parsed.records().get(0)).attributes().keySet())
                .containsExactly("BU::OWNER", "CostCenterID", "BU::ALLOCATION_MODEL");
        assertThat(parsed.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason).containsExactly(
                tuple("users page 1 item 4", "status 'OnLeave' is not one of active, inactive, suspended, deleted"),
                tuple("users page 1 item 5", "customFields say both Cost Center Code 'RET-0452' and "
                        + "CostCenterID 'COL-0500'"),
                tuple("users page 1 item 6", "userType 'Robot' is not one of agent, serviceaccount, integration"));
        assertThat(parsed.rejected().get(0).raw())
                .isEqualTo("{\"userId\":\"1000060\",\"status\":\"OnLeave\",\"userType\":\"Agent\"}");
        assertThat(parsed.nextUri()).contains("https://cxone.example.test/sandbox/cxone/api/v2/users"
                + "?asOf=2026-11-01T00:00:00Z&skip=6&top=6");
    }

    @Test
    void followsNextLinksWhetherAbsoluteRelativeOrAbsent() {
        String skills = """
                {"totalRecords": 4, "asOf": "2026-11-01T00:00:00Z", "skills": [
                  {"skillId": "20001", "skillName": "Collections Early Stage", "divisionId": "cxone-na",
                   "customFields": {"BU::OWNER": "COLLECTIONS", "Cost Center Code": "COL-0500"}}],
                 "_links": {"next": %s}}""";
        OrgPage absolute = adapter.parse(BASE, OrgResource.QUEUES,
                skills.formatted("\"https://other.example.test/api/v2/skills?skip=1\""), SNAPSHOT, 1, 1);
        assertThat(absolute.records()).containsExactly(new OrgRecord.Queue("20001", "Collections Early Stage",
                "cxone-na", Map.of("BU::OWNER", "COLLECTIONS", "CostCenterID", "COL-0500")));
        assertThat(absolute.nextUri()).contains("https://other.example.test/api/v2/skills?skip=1");
        assertThat(adapter.parse(BASE, OrgResource.QUEUES, skills.formatted("\"api/v2/skills?skip=1&top=1\""),
                SNAPSHOT, 1, 1).nextUri()).contains(BASE + "/api/v2/skills?skip=1&top=1");
        assertThat(adapter.parse(BASE + "/", OrgResource.QUEUES,
                skills.formatted("\"/gateway/api/v2/skills?skip=1\""), SNAPSHOT, 1, 1).nextUri())
                .contains("https://cxone.example.test/gateway/api/v2/skills?skip=1");
        assertThat(adapter.parse(BASE, OrgResource.QUEUES, skills.formatted("null"), SNAPSHOT, 1, 1).nextUri())
                .isEmpty();
    }

    @Test
    void mapsTrunksContactsSchedulesAnalyticsAndSessions() {
        String head = "\"totalRecords\": 1, \"asOf\": \"2026-11-01T00:00:00Z\", \"_links\": {\"next\": null}";
        assertThat(adapter.parse(BASE, OrgResource.TRUNKS, """
                {%s, "trunks": [{"trunkId": "301", "trunkName": "CXone PSTN", "customFields": {}}]}"""
                .formatted(head), SNAPSHOT, 5, 1).records())
                .containsExactly(new OrgRecord.Trunk("301", "CXone PSTN", Map.of()));

        OrgPage contacts = adapter.parse(BASE, OrgResource.CONVERSATIONS, """
                {%s, "contacts": [
                  {"contactId": "700000011", "trunkId": "301", "initialSkillId": "20003", "skillId": "20001",
                   "routingRuleId": "rr-retail-care-na-overflow", "contactStart": "2026-10-01T12:10:09Z",
                   "talkSeconds": 207, "holdSeconds": 0, "acwSeconds": 107},
                  {"contactId": "700000012", "contactStart": "2026-10-01T12:10:09Z", "talkSeconds": 207,
                   "holdSeconds": 1.5, "acwSeconds": 107}]}""".formatted(head), SNAPSHOT, 5, 3);
        assertThat(contacts.records()).containsExactly(new OrgRecord.Conversation("700000011", "301", "20003",
                "20001", "rr-retail-care-na-overflow", Instant.parse("2026-10-01T12:10:09Z"), 207, 0, 107));
        assertThat(contacts.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason)
                .containsExactly(tuple("conversations page 3 item 2",
                        "holdSeconds must be a whole number >= 0, was 1.5"));

        assertThat(adapter.parse(BASE, OrgResource.WFM_SHIFTS, """
                {%s, "schedules": [{"scheduleId": "40000001", "userId": "1000001", "timeZone": "America/New_York",
                  "localStart": "2026-10-05T08:00:00", "localEnd": "2026-10-05T16:30:00",
                  "availableMinutes": 490}]}""".formatted(head), SNAPSHOT, 5, 1).records())
                .containsExactly(new OrgRecord.WfmShift("40000001", "1000001", "America/New_York",
                        LocalDateTime.parse("2026-10-05T08:00"), LocalDateTime.parse("2026-10-05T16:30"), 490));
        OrgPage analytics = adapter.parse(BASE, OrgResource.ANALYTICS, """
                {%s, "analyticsUsage": [
                  {"usageId": "60000001", "skillId": "20001", "date": "2026-10-01", "processedMinutes": "88.3"},
                  {"usageId": "60000002", "skillId": "20001", "date": "2026-10-02", "processedMinutes": "-1.0"}]}"""
                .formatted(head), SNAPSHOT, 5, 1);
        assertThat(analytics.records()).containsExactly(
                new OrgRecord.AnalyticsUsage("60000001", "20001", "2026-10-01", new BigDecimal("88.3")));
        assertThat(analytics.rejected()).extracting(RejectedRecord::reason)
                .containsExactly("processedMinutes must not be negative, was -1.0");
        assertThat(adapter.parse(BASE, OrgResource.SESSIONS, """
                {%s, "sessions": [{"sessionId": "50000001", "userId": "1000001",
                  "loginTime": "2026-10-05T11:58:10Z", "logoutTime": "2026-10-05T20:31:40Z"}]}"""
                .formatted(head), SNAPSHOT, 5, 1).records())
                .containsExactly(new OrgRecord.Session("50000001", "1000001", Instant.parse("2026-10-05T11:58:10Z"),
                        Instant.parse("2026-10-05T20:31:40Z")));
    }

    @Test
    void mapsTheInvoice() {
        OrgPage invoice = adapter.parse(BASE, OrgResource.INVOICE, """
                {"invoiceId": "PLT-CXO-2026-10", "period": "2026-10", "currency": "USD",
                 "asOf": "2026-11-01T00:00:00Z", "lines": [
                  {"lineId": "PLT-CXO-2026-10-008", "category": "API_STORAGE", "trunkId": null, "chargeType": null,
                   "description": "API and storage, fixed monthly fee", "amount": "480.00"}]}""",
                SNAPSHOT, 5, 1);
        assertThat(invoice.records()).isEqualTo(List.of(new OrgRecord.PlatformCharge("PLT-CXO-2026-10-008",
                "PLT-CXO-2026-10", "API_STORAGE", null, null, "API and storage, fixed monthly fee",
                new BigDecimal("480.00"), "USD")));
        assertThat(invoice.nextUri()).isEmpty();
    }

    @Test
    void refusesAPageOfAnotherSnapshotOrWithoutItsCollection() {
        assertThatThrownBy(() -> adapter.parse(BASE, OrgResource.USERS,
                "{\"totalRecords\": 0, \"asOf\": \"2026-10-31T23:59:59Z\", \"users\": []}", SNAPSHOT, 5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users page 1 is as of 2026-10-31T23:59:59Z, not the requested snapshot "
                        + "2026-11-01T00:00:00Z");
        assertThatThrownBy(() -> adapter.parse(BASE, OrgResource.QUEUES,
                "{\"totalRecords\": 0, \"asOf\": \"2026-11-01T00:00:00Z\", \"users\": []}", SNAPSHOT, 5, 1))
                .hasMessage("queues page 1 has no skills array");
        assertThatThrownBy(() -> adapter.parse(BASE, OrgResource.USERS, "[]", SNAPSHOT, 5, 1))
                .hasMessage("users page 1 is not a JSON object");
        assertThatThrownBy(() -> adapter.parse(BASE, OrgResource.USERS, "", SNAPSHOT, 5, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
