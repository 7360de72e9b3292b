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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenesysOrgAdapterTest {

    private static final String BASE = "https://api.example.test/genesys";
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant SNAPSHOT = Instant.parse("2026-11-01T00:00:00Z");

    private final GenesysOrgAdapter adapter = new GenesysOrgAdapter(new ObjectMapper());

    @Test
    void firstPagesAskForTheSnapshotAndForTheMonthInUtc() {
        assertThat(adapter.vendor()).isEqualTo("genesys");
        assertThat(adapter.firstPage(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 200)).isEqualTo(BASE
                + "/api/v2/users?asOf=2026-11-01T00:00:00Z&pageNumber=1&pageSize=200");
        assertThat(adapter.firstPage(BASE, OrgResource.CONVERSATIONS, OCTOBER, SNAPSHOT, 500)).isEqualTo(BASE
                + "/api/v2/analytics/conversations/queue-metrics?asOf=2026-11-01T00:00:00Z"
                + "&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z&pageNumber=1&pageSize=500");
        assertThat(adapter.firstPage(BASE, OrgResource.WFM_SHIFTS, OCTOBER, SNAPSHOT, 100))
                .startsWith(BASE + "/api/v2/workforcemanagement/schedules?");
        assertThat(adapter.firstPage(BASE, OrgResource.ANALYTICS, OCTOBER, SNAPSHOT, 100))
                .startsWith(BASE + "/api/v2/speechandtextanalytics/usage?");
        assertThat(adapter.firstPage(BASE, OrgResource.SESSIONS, OCTOBER, SNAPSHOT, 100))
                .startsWith(BASE + "/api/v2/users/sessions?");
        assertThat(adapter.firstPage(BASE, OrgResource.QUEUES, OCTOBER, SNAPSHOT, 100))
                .isEqualTo(BASE + "/api/v2/routing/queues?asOf=2026-11-01T00:00:00Z&pageNumber=1&pageSize=100");
        assertThat(adapter.firstPage(BASE, OrgResource.TRUNKS, OCTOBER, SNAPSHOT, 100))
                .startsWith(BASE + "/api/v2/telephony/trunks?");
        assertThat(adapter.firstPage(BASE, OrgResource.INVOICE, OCTOBER, SNAPSHOT, 100)).isEqualTo(BASE
                + "/api/v2/billing/invoices/platform?asOf=2026-11-01T00:00:00Z&period=2026-10");
        assertThatThrownBy(() -> adapter.firstPage(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 501))
                .hasMessage("page size must be between 1 and 500, was 501");
    }

    @Test
    void mapsUsersAndRejectsTheUnreadableOnesWithTheirPosition() {
        String page = """
                {"entities": [
                  {"id": "u1", "name": "Ava Adams", "state": "active", "licensingType": "CX_3",
                   "division": {"id": "us-east", "name": "US East"}, "accountType": "agent",
                   "customAttributes": {"BU::OWNER": "RETAIL", "BU::COST_CENTER": "RET-0452",
                                        "BU::ALLOCATION_MODEL": "UTILIZATION_WEIGHTED"}},
                  {"id": "u2", "name": "Svc", "state": "SUSPENDED", "licensingType": null,
                   "division": {"id": "eu-west"}, "accountType": "service"},
                  {"name": "No Id", "state": "active", "accountType": "agent"},
                  {"id": "u4", "state": "retired", "accountType": "agent"},
                  {"id": "u5", "state": "deleted", "accountType": "integration", "customAttributes": null,
                   "division": null}
                ], "pageNumber": 2, "pageSize": 5, "pageCount": 3, "total": 14, "asOf": "2026-11-01T00:00:00Z"}""";

        OrgPage parsed = adapter.parse(BASE, OrgResource.USERS, page, SNAPSHOT, 5, 2);

        assertThat(parsed.records()).containsExactly(
                new OrgRecord.User("u1", "Ava Adams", OrgRecord.UserStatus.ACTIVE, "CX_3", "us-east",
                        OrgRecord.AccountType.AGENT, Map.of("BU::OWNER", "RETAIL", "BU::COST_CENTER", "RET-0452",
                        "BU::ALLOCATION_MODEL", "UTILIZATION_WEIGHTED")),
                new OrgRecord.User("u2", "Svc", OrgRecord.UserStatus.SUSPENDED, null, "eu-west",
                        OrgRecord.AccountType.SERVICE, Map.of()),
                new OrgRecord.User("u5", null, OrgRecord.UserStatus.DELETED, null, null,
                        OrgRecord.AccountType.INTEGRATION, Map.of()));
        assertThat(parsed.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason).containsExactly(
                tuple("users page 2 item 3", "id is missing"),
                tuple("users page 2 item 4", "state 'retired' is not one of active, inactive, suspended, deleted"));
        assertThat(parsed.rejected().get(0).raw())
                .isEqualTo("{\"name\":\"No Id\",\"state\":\"active\",\"accountType\":\"agent\"}");
        assertThat(parsed.nextUri()).contains(BASE + "/api/v2/users?asOf=2026-11-01T00:00:00Z&pageNumber=3&pageSize=5");
    }

    @Test
    void theLastPageHasNoNextPage() {
        OrgPage last = adapter.parse(BASE, OrgResource.QUEUES, """
                {"entities": [{"id": "q1", "name": "Retail Care", "division": {"id": "us-east", "name": "US East"},
                               "customAttributes": {"BU::OWNER": "RETAIL", "CostCenterID": "RET-0452"}}],
                 "pageNumber": 3, "pageSize": 5, "pageCount": 3, "total": 11, "asOf": "2026-11-01T00:00:00Z"}""",
                SNAPSHOT, 5, 3);
        assertThat(last.records()).containsExactly(new OrgRecord.Queue("q1", "Retail Care", "us-east",
                Map.of("BU::OWNER", "RETAIL", "CostCenterID", "RET-0452")));
        assertThat(last.nextUri()).isEmpty();
        assertThat(adapter.parse(BASE, OrgResource.TRUNKS, """
                {"entities": [], "pageNumber": 1, "pageSize": 5, "pageCount": 0, "total": 0,
                 "asOf": "2026-11-01T00:00:00Z"}""", SNAPSHOT, 5, 1).nextUri()).isEmpty();
    }

    @Test
    void mapsTrunksAndConversationsAndAsksForTheNextPageOfTheSameRange() {
        OrgPage trunks = adapter.parse(BASE, OrgResource.TRUNKS, """
                {"entities": [{"id": "t1", "name": "US Carrier A",
                               "customAttributes": {"BU::ALLOCATION_MODEL": "VOLUME"}}],
                 "pageNumber": 1, "pageSize": 5, "pageCount": 1, "total": 1, "asOf": "2026-11-01T00:00:00Z"}""",
                SNAPSHOT, 5, 1);
        assertThat(trunks.records()).containsExactly(
                new OrgRecord.Trunk("t1", "US Carrier A", Map.of("BU::ALLOCATION_MODEL", "VOLUME")));

        OrgPage conversations = adapter.parse(BASE, OrgResource.CONVERSATIONS, """
                {"entities": [
                  {"conversationId": "c1", "trunkId": "t1", "initialQueueId": "q1", "queueId": "q2",
                   "routingRuleId": "rr-retail-care-overflow", "conversationStart": "2026-10-05T14:03:09Z",
                   "tTalk": 312, "tHeld": 45, "tAcw": 60},
                  {"conversationId": "c2", "trunkId": "t1", "queueId": "q1", "conversationStart": "yesterday",
                   "tTalk": 1, "tHeld": 0, "tAcw": 0},
                  {"conversationId": "c3", "queueId": "q1", "conversationStart": "2026-10-05T14:03:09Z",
                   "tTalk": -5, "tHeld": 0, "tAcw": 0},
                  {"conversationId": "c4", "queueId": "q1", "conversationStart": "2026-10-05T14:03:09Z",
                   "tTalk": "12", "tHeld": 0, "tAcw": 0},
                  "c5"
                ], "pageNumber": 1, "pageSize": 5, "pageCount": 4, "total": 17, "asOf": "2026-11-01T00:00:00Z",
                 "from": "2026-10-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"}""", SNAPSHOT, 5, 1);

        assertThat(conversations.records()).containsExactly(new OrgRecord.Conversation("c1", "t1", "q1", "q2",
                "rr-retail-care-overflow", Instant.parse("2026-10-05T14:03:09Z"), 312, 45, 60));
        assertThat(conversations.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason)
                .containsExactly(
                        tuple("conversations page 1 item 2",
                                "conversationStart 'yesterday' is not an ISO-8601 instant"),
                        tuple("conversations page 1 item 3", "tTalk must be a whole number >= 0, was -5"),
                        tuple("conversations page 1 item 4", "tTalk must be a whole number >= 0, was \"12\""),
                        tuple("conversations page 1 item 5", "the item is not a JSON object"));
        assertThat(conversations.nextUri()).contains(BASE + "/api/v2/analytics/conversations/queue-metrics"
                + "?asOf=2026-11-01T00:00:00Z&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z"
                + "&pageNumber=2&pageSize=5");
    }

    @Test
    void mapsShiftsAnalyticsAndSessions() {
        String range = "\"asOf\": \"2026-11-01T00:00:00Z\", \"from\": \"2026-10-01T00:00:00Z\", "
                + "\"to\": \"2026-11-01T00:00:00Z\", \"pageNumber\": 1, \"pageSize\": 5, \"pageCount\": 1";
        OrgPage shifts = adapter.parse(BASE, OrgResource.WFM_SHIFTS, """
                {"entities": [
                  {"shiftId": "s1", "userId": "u1", "timeZone": "America/New_York",
                   "startDateLocal": "2026-10-31T18:00:00", "endDateLocal": "2026-11-01T02:30:00",
                   "availableMinutes": 570},
                  {"shiftId": "s2", "userId": "u1", "timeZone": "Mars/Olympus",
                   "startDateLocal": "2026-10-05T08:00:00", "endDateLocal": "2026-10-05T16:30:00",
                   "availableMinutes": 510},
                  {"shiftId": "s3", "userId": "u1", "timeZone": "Europe/London",
                   "startDateLocal": "2026-10-05T16:30:00", "endDateLocal": "2026-10-05T08:00:00",
                   "availableMinutes": 510}
                ], %s}""".formatted(range), SNAPSHOT, 5, 1);
        assertThat(shifts.records()).containsExactly(new OrgRecord.WfmShift("s1", "u1", "America/New_York",
                LocalDateTime.parse("2026-10-31T18:00"), LocalDateTime.parse("2026-11-01T02:30"), 570));
        assertThat(shifts.rejected()).extracting(RejectedRecord::reason).containsExactly(
                "timeZone 'Mars/Olympus' is not an IANA time zone",
                "the shift ends (2026-10-05T08:00) before it starts (2026-10-05T16:30)");

        OrgPage analytics = adapter.parse(BASE, OrgResource.ANALYTICS, """
                {"entities": [
                  {"id": "a1", "queueId": "q1", "date": "2026-10-05", "processedMinutes": "123.4"},
                  {"id": "a2", "queueId": "q1", "date": "2026-10-06", "processedMinutes": "12,5"},
                  {"id": "a3", "queueId": "q1", "date": "5 Oct", "processedMinutes": "1.0"}
                ], %s}""".formatted(range), SNAPSHOT, 5, 1);
        assertThat(analytics.records()).containsExactly(
                new OrgRecord.AnalyticsUsage("a1", "q1", "2026-10-05", new BigDecimal("123.4")));
        assertThat(analytics.rejected()).extracting(RejectedRecord::reason).containsExactly(
                "processedMinutes '12,5' is not a decimal number",
                "date '5 Oct' is not a date (yyyy-MM-dd)");

        OrgPage sessions = adapter.parse(BASE, OrgResource.SESSIONS, """
                {"entities": [
                  {"id": "x1", "userId": "u1", "loginTime": "2026-10-05T11:57:00Z",
                   "logoutTime": "2026-10-05T20:33:00Z"},
                  {"id": "x2", "userId": "u1", "loginTime": "2026-10-05T11:57:00Z", "logoutTime": null}
                ], %s}""".formatted(range), SNAPSHOT, 5, 1);
        assertThat(sessions.records()).containsExactly(new OrgRecord.Session("x1", "u1",
                Instant.parse("2026-10-05T11:57:00Z"), Instant.parse("2026-10-05T20:33:00Z")));
        assertThat(sessions.rejected()).extracting(RejectedRecord::reason).containsExactly("logoutTime is missing");
    }

    @Test
    void mapsTheInvoiceLinesAsPlatformCharges() {
        OrgPage invoice = adapter.parse(BASE, OrgResource.INVOICE, """
                {"invoiceId": "PLT-GEN-2026-10", "period": "2026-10", "currency": "USD",
                 "asOf": "2026-11-01T00:00:00Z", "lines": [
                  {"lineId": "PLT-GEN-2026-10-001", "category": "LICENCE", "trunkId": null, "chargeType": "CX_1",
                   "description": "CX_1 seats: 39 at 25.00", "amount": "975.00"},
                  {"lineId": "PLT-GEN-2026-10-004", "category": "TELEPHONY", "trunkId": "t1",
                   "chargeType": "CAPACITY", "description": "Trunk capacity: 5 channels at 12.00", "amount": "60.00"},
                  {"lineId": "PLT-GEN-2026-10-005", "category": "TELEPHONY", "trunkId": "t1",
                   "chargeType": "USAGE", "amount": "lots"}
                ]}""", SNAPSHOT, 5, 1);
        assertThat(invoice.records()).containsExactly(
                new OrgRecord.PlatformCharge("PLT-GEN-2026-10-001", "PLT-GEN-2026-10", "LICENCE", null, "CX_1",
                        "CX_1 seats: 39 at 25.00", new BigDecimal("975.00"), "USD"),
                new OrgRecord.PlatformCharge("PLT-GEN-2026-10-004", "PLT-GEN-2026-10", "TELEPHONY", "t1",
                        "CAPACITY", "Trunk capacity: 5 channels at 12.00", new BigDecimal("60.00"), "USD"));
        assertThat(invoice.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason)
                .containsExactly(tuple("invoice page 1 item 3", "amount 'lots' is not a decimal number"));
        assertThat(invoice.nextUri()).isEqualTo(Optional.empty());
    }

    @Test
    void refusesAPageOfAnotherSnapshotOrThatIsNoPageAtAll() {
        assertThatThrownBy(() -> adapter.parse(BASE, OrgResource.USERS, """
                {"entities": [], "pageNumber": 1, "pageCount": 1, "asOf": "2026-11-05T09:00:00Z"}""",
                SNAPSHOT, 5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users page 1 is as of 2026-11-05T09:00:00Z, not the requested snapshot "
                        + "2026-11-01T00:00:00Z");
        assertThatThrownBy(() -> adapter.parse(BASE, OrgResource.USERS,
                "{\"entities\": [], \"pageNumber\": 1, \"pageCount\": 1}", SNAPSHOT, 5, 1))
                .hasMessage("users page 1 does not state the instant it is as of (asOf ''); asked for "
                        + "2026-11-01T00:00:00Z");
        assertThatThrownBy(() -> adapter.parse(BASE, OrgResource.USERS, "<html>gateway</html>", SNAPSHOT, 5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("users page 1 is not JSON");
        assertThatThrownBy(() -> adapter.parse(BASE, OrgResource.WFM_SHIFTS,
                "{\"asOf\": \"2026-11-01T00:00:00Z\", \"pageCount\": 1}", SNAPSHOT, 5, 2))
                .hasMessage("wfm shifts page 2 has no entities array");
        assertThatThrownBy(() -> adapter.parse(BASE, OrgResource.SESSIONS,
                "{\"asOf\": \"2026-11-01T00:00:00Z\", \"entities\": [], \"pageCount\": 3}", SNAPSHOT, 5, 1))
                .hasMessage("sessions page 1 does not echo its 'from' instant, was null");
        assertThatThrownBy(() -> adapter.parse(BASE, OrgResource.INVOICE,
                "{\"asOf\": \"2026-11-01T00:00:00Z\", \"lines\": []}", SNAPSHOT, 5, 1))
                .hasMessage("invoice page 1 is not an invoice: invoiceId or currency is missing");
    }
}
