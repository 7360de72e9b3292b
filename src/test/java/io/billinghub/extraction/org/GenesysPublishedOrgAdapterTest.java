package io.billinghub.extraction.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.chargeback.ActiveChargebackReference;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.GenesysResourceAttribute;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.ResourceType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published Genesys Cloud organisation read from hand-written answers in the published shapes: the calls the
 * cursors make, in order, and the canonical records they merge.
 */
class GenesysPublishedOrgAdapterTest {

    private static final String BASE = "https://api.mypurecloud.ie";
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant SNAPSHOT = Instant.parse("2026-11-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The integration team's rows: q1's cost centre moves on the 16 October handover and its owner is open-ended;
     * q2's cost centre starts in November (not in force for October); t1 is HYBRID; q3 and t4 have none.
     */
    private static final List<GenesysResourceAttribute> ROWS = List.of(
            row(2, ResourceType.QUEUE, "q1", "BU::COST_CENTER", "RET-0452", "2026-01-01", "2026-10-16"),
            row(3, ResourceType.QUEUE, "q1", "BU::COST_CENTER", "SAL-0100", "2026-10-16", null),
            row(4, ResourceType.QUEUE, "q1", "BU::OWNER", "SALES", "2026-01-01", null),
            row(5, ResourceType.QUEUE, "q2", "CostCenterID", "FIN-0001", "2026-11-01", null),
            row(6, ResourceType.TRUNK, "t1", "BU::ALLOCATION_MODEL", "HYBRID", "2026-01-01", null));

    private static GenesysPublishedOrgAdapter adapter(List<String> schemas, int polls) {
        ActiveChargebackReference reference = new ActiveChargebackReference();
        reference.activate(1, new ChargebackReferenceData(List.of(), List.of(), ROWS));
        return adapter(schemas, polls, reference);
    }

    private static GenesysPublishedOrgAdapter adapter(List<String> schemas, int polls,
                                                      ActiveChargebackReference reference) {
        GenesysPublishedProperties settings = new GenesysPublishedProperties(Map.of("cloudcx1", "CX_1",
                "cloudcx3", "CX_3", "wemaddon", "NONE", "Genesys Cloud CX 1 User", "CX_1",
                "Genesys Cloud WEM Add-on User", "NONE"), schemas, "BU::ACCOUNT_TYPE", Duration.ofSeconds(5),
                Duration.ofSeconds(60), polls, Duration.ofHours(72));
        return new GenesysPublishedOrgAdapter(new GenesysOrgAdapter(JSON), settings, reference, JSON);
    }

    private static GenesysResourceAttribute row(int line, ResourceType type, String id, String attribute,
                                                String value, String from, String to) {
        return new GenesysResourceAttribute(line, type, id, id, attribute, value, new EffectivePeriod(
                LocalDate.parse(from), to == null ? null : LocalDate.parse(to)));
    }

    @Test
    void usersLicencesAndCustomAttributesAreMergedIntoCanonicalUsers() {
        OrgCursor cursor = adapter(List.of("cost", "hr"), 3).cursor(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 2);
        List<String> calls = new ArrayList<>();
        List<OrgPage> pages = new ArrayList<>();
        // pages of 2: u1, u2 then u3; one licence page; then 3 users x 2 schemas, 404 where a user has no record
        String[][] answers = {
            {"200", """
                {"entities": [{"id": "u1", "name": "Ann", "division": {"id": "d1"}, "state": "active"},
                              {"id": "u2", "name": "Bob", "division": {"id": "d2"}, "state": "inactive"}],
                 "pageSize": 2, "pageNumber": 1, "total": 3, "pageCount": 2,
                 "nextUri": "/api/v2/users?pageSize=2&pageNumber=2&state=any"}"""},
            {"200", """
                {"entities": [{"id": "u3", "name": "Svc", "division": {"id": "d1"}, "state": "active"}],
                 "pageSize": 2, "pageNumber": 2, "total": 3, "pageCount": 2}"""},
            {"200", """
                {"entities": [{"id": "u1", "licenses": ["cloudcx3", "wemaddon"]},
                              {"id": "u2", "licenses": ["cloudcx1"]},
                              {"id": "u3", "licenses": []}, {"id": "ux", "licenses": ["cloudcx1"]}],
                 "pageSize": 2, "pageNumber": 1, "total": 4, "pageCount": 1}"""},
            {"200", "{\"userId\": \"u1\", \"attributes\": {\"BU::COST_CENTER\": \"FIN-0001\"}}"},
            {"200", """
                {"userId": "u1", "attributes": {"BU::COST_CENTER": "OPS-0002", "BU::OWNER": "FINANCE"},
                 "selfUri": "/api/v2/users/u1/customattributes/hr"}"""},
            {"404", "{\"status\": 404, \"code\": \"not.found\", \"message\": \"none\"}"},
            {"404", "{\"status\": 404, \"code\": \"not.found\", \"message\": \"none\"}"},
            {"200", "{\"userId\": \"u3\", \"attributes\": {\"BU::ACCOUNT_TYPE\": \"SERVICE\"}}"},
            {"404", "{\"status\": 404, \"code\": \"not.found\", \"message\": \"none\"}"}};
        for (String[] answer : answers) {
            OrgRequest request = cursor.next().orElseThrow();
            calls.add(request.uri().substring(BASE.length()) + (request.notFoundIsAnswer() ? " (404 ok)" : ""));
            pages.add(cursor.accept(Integer.parseInt(answer[0]), answer[1]));
        }
        assertThat(cursor.next()).isEmpty();
        assertThat(calls).containsExactly("/api/v2/users?pageSize=2&pageNumber=1&state=any",
                "/api/v2/users?pageSize=2&pageNumber=2&state=any", "/api/v2/license/users?pageSize=2&pageNumber=1",
                "/api/v2/users/u1/customattributes/cost (404 ok)", "/api/v2/users/u1/customattributes/hr (404 ok)",
                "/api/v2/users/u2/customattributes/cost (404 ok)", "/api/v2/users/u2/customattributes/hr (404 ok)",
                "/api/v2/users/u3/customattributes/cost (404 ok)", "/api/v2/users/u3/customattributes/hr (404 ok)");
        // nothing before the last answer: a user is only complete with its licences and attributes
        assertThat(pages.subList(0, 8)).allSatisfy(p -> assertThat(p.records()).isEmpty());
        OrgPage last = pages.get(8);
        // u1: CX_3 seat (the WEM add-on is no seat), the first schema's cost centre wins over the second's;
        // u2: no attribute record at all; u3: the account type attribute makes it SERVICE and is not kept
        assertThat(last.records()).containsExactly(
                new OrgRecord.User("u1", "Ann", OrgRecord.UserStatus.ACTIVE, "CX_3", "d1",
                        OrgRecord.AccountType.AGENT, Map.of("BU::COST_CENTER", "FIN-0001", "BU::OWNER", "FINANCE")),
                new OrgRecord.User("u2", "Bob", OrgRecord.UserStatus.INACTIVE, "CX_1", "d2",
                        OrgRecord.AccountType.AGENT, Map.of()),
                new OrgRecord.User("u3", "Svc", OrgRecord.UserStatus.ACTIVE, null, "d1",
                        OrgRecord.AccountType.SERVICE, Map.of()));
        // the licence of a user the users pages did not list cannot be attributed: rejected, not dropped
        assertThat(last.rejected()).containsExactly(new RejectedRecord("licence of user ux",
                "the licensed user is not among the users read", "cloudcx1"));
    }

    /** Genesys's UserCustomAttributes requires attributes; the document's customAttributes is not its name. */
    @Test
    void aCustomAttributeRecordWithoutAttributesOrOfAnotherUserFailsThePage() {
        String[][] records = {
            {"{\"userId\": \"u1\", \"customAttributes\": {\"BU::OWNER\": \"FINANCE\"}}",
                "users page 3 (attributes) has no attributes object"},
            {"{\"userId\": \"u1\", \"attributes\": null}", "users page 3 (attributes) has no attributes object"},
            {"{\"userId\": \"u2\", \"attributes\": {\"BU::OWNER\": \"FINANCE\"}}",
                "users page 3 (attributes) is the record of user u2, not of u1"}};
        for (String[] record : records) {
            OrgCursor cursor = adapter(List.of("cost"), 3).cursor(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 500);
            cursor.accept(200, "{\"entities\": [{\"id\": \"u1\", \"name\": \"Ann\", \"state\": \"active\"}],"
                    + " \"pageCount\": 1}");
            cursor.accept(200, "{\"entities\": [], \"pageCount\": 1}");
            assertThat(cursor.next().orElseThrow().uri()).isEqualTo(BASE + "/api/v2/users/u1/customattributes/cost");
            assertThatThrownBy(() -> cursor.accept(200, record[0])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(record[1]);
        }
    }

    @Test
    void anUnknownLicenceNameIsKeptForTheChargebackToFlagAndTwoSeatsRejectTheUser() {
        OrgCursor cursor = adapter(List.of(), 3).cursor(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 500);
        cursor.accept(200, """
                {"entities": [{"id": "v1", "name": "Cy", "state": "active"},
                              {"id": "v2", "name": "Di", "state": "active"},
                              {"id": "v3", "name": "Ed", "state": "suspended"},
                              {"name": "no id"}], "pageCount": 1}""");
        // without schemas the licence page is the last call
        OrgPage page = cursor.accept(200, """
                {"entities": [{"id": "v1", "licenses": ["cloudcx9"]},
                              {"id": "v2", "licenses": ["cloudcx1", "cloudcx3"]},
                              {"id": "v3", "licenses": "cloudcx1"}], "pageCount": 1}""");
        assertThat(cursor.next()).isEmpty();
        assertThat(page.records()).containsExactly(new OrgRecord.User("v1", "Cy", OrgRecord.UserStatus.ACTIVE,
                "cloudcx9", null, OrgRecord.AccountType.AGENT, Map.of()));
        assertThat(page.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason).containsExactly(
                tuple("users page 1 (users) item 4", "the user has no id"),
                tuple("users page 2 (licences) item 3",
                        "the licence entry needs an id and a licenses array"),
                tuple("users page 1 (users) item 2",
                        "the user holds several seat licences [CX_1, CX_3] (licenses [cloudcx1, cloudcx3])"),
                tuple("users page 1 (users) item 3",
                        "state 'suspended' is not one of active, inactive, deleted"));
    }

    @Test
    void theBillableUsageReportIsAskedForAgainWithBackoffUntilComplete() {
        OrgCursor cursor = adapter(List.of(), 3).cursor(BASE, OrgResource.BILLABLE_USAGE, OCTOBER, SNAPSHOT, 500);
        String uri = BASE + "/api/v2/billing/reports/billableusage?startDate=2026-10-01T00:00:00Z"
                + "&endDate=2026-11-01T00:00:00Z";
        String inProgress = "{\"status\": \"InProgress\", \"usages\": []}";
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OrgRequest request = cursor.next().orElseThrow();
            assertThat(request.uri()).isEqualTo(uri);
            delays.add(request.delay());
            assertThat(cursor.accept(200, inProgress).records()).isEmpty();
        }
        delays.add(cursor.next().orElseThrow().delay());
        // the first request at once, then 5 s doubling: 5, 10, 20
        assertThat(delays).containsExactly(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(20));
        OrgPage complete = cursor.accept(200, """
                {"status": "Complete", "startDate": "2026-10-01T00:00:00Z", "endDate": "2026-11-01T00:00:00Z",
                 "usages": [{"name": "Genesys Cloud CX 1 User", "totalUsage": "12",
                             "resources": [{"name": "u1", "date": "2026-10-01T00:00:00Z"},
                                           {"name": "u2", "date": "2026-10-03T00:00:00Z"}]},
                            {"name": "Genesys Cloud WEM Add-on User", "totalUsage": "3", "resources": []},
                            {"name": "Mystery Add-on", "totalUsage": "1.5", "resources": []},
                            {"name": "Broken", "totalUsage": "many", "resources": []}]}""");
        assertThat(cursor.next()).isEmpty();
        assertThat(complete.records()).containsExactly(
                new OrgRecord.LicenceUsage("Genesys Cloud CX 1 User", "CX_1", new BigDecimal("12"), 2),
                new OrgRecord.LicenceUsage("Genesys Cloud WEM Add-on User", "NONE", new BigDecimal("3"), 0),
                new OrgRecord.LicenceUsage("Mystery Add-on", null, new BigDecimal("1.5"), 0));
        assertThat(complete.rejected()).extracting(RejectedRecord::position).containsExactly("billable usage page 4"
                + " item 4");
    }

    @Test
    void aReportStillInProgressAfterTheLastPollFailsTheExtraction() {
        OrgCursor cursor = adapter(List.of(), 2).cursor(BASE, OrgResource.BILLABLE_USAGE, OCTOBER, SNAPSHOT, 500);
        String inProgress = "{\"status\": \"InProgress\", \"usages\": []}";
        cursor.accept(200, inProgress);
        cursor.accept(200, inProgress);
        assertThatThrownBy(() -> cursor.accept(200, inProgress)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still InProgress after 2 repeated requests");
        assertThatThrownBy(() -> adapter(List.of(), 2).cursor(BASE, OrgResource.BILLABLE_USAGE, OCTOBER, SNAPSHOT,
                500).accept(200, "{\"status\": \"Failed\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("billable usage page 1 has status 'Failed', not InProgress or Complete");
    }

    @Test
    void resourcesWithoutAPublishedFormAreReadAsTheDocumentDescribesThem() {
        GenesysPublishedOrgAdapter adapter = adapter(List.of(), 2);
        assertThat(adapter.historical()).isFalse();
        assertThat(adapter.resources()).containsExactly(OrgResource.USERS, OrgResource.QUEUES, OrgResource.TRUNKS,
                OrgResource.CONVERSATIONS, OrgResource.WFM_SHIFTS, OrgResource.ANALYTICS, OrgResource.SESSIONS,
                OrgResource.INVOICE, OrgResource.BILLABLE_USAGE, OrgResource.QUEUE_METRICS);
        assertThat(adapter.cursor(BASE, OrgResource.WFM_SHIFTS, OCTOBER, SNAPSHOT, 50).next().orElseThrow().uri())
                .isEqualTo(BASE + "/api/v2/workforcemanagement/schedules?asOf=2026-11-01T00:00:00Z"
                        + "&from=2026-10-01T00:00:00Z"
                        + "&to=2026-11-01T00:00:00Z&pageNumber=1&pageSize=50");
    }

    /**
     * Queues: the current state (no asOf), page after page until pageCount, each with the maintained attributes in
     * force on 31 October. q1: SAL-0100 (the row from the 16 October handover) and its owner SALES; q2: its
     * November row is not yet in force, so none; q3: no rows, none. A queue without an id is rejected.
     */
    @Test
    void queuesArePagedUntilPageCountWithTheAttributesInForceOnTheLastDayOfThePeriod() {
        OrgCursor cursor = adapter(List.of(), 2).cursor(BASE, OrgResource.QUEUES, OCTOBER, SNAPSHOT, 2);
        List<String> calls = new ArrayList<>();
        List<OrgRecord> records = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        for (String answer : new String[] {"""
                {"entities": [
                   {"id": "q1", "name": "Inside Sales", "division": {"id": "us-east", "name": "US East",
                    "selfUri": "/api/v2/authorization/divisions/us-east"}, "memberCount": 12,
                    "mediaSettings": {"call": {"alertingTimeoutSeconds": 8}}, "selfUri": "/api/v2/routing/queues/q1"},
                   {"id": "q2", "name": "Finance EU", "division": {"id": "eu-west"}}],
                 "pageSize": 2, "pageNumber": 1, "total": 4, "pageCount": 2,
                 "nextUri": "/api/v2/routing/queues?pageSize=2&pageNumber=2"}""", """
                {"entities": [{"id": "q3", "name": "Overflow"}, {"name": "No id"}],
                 "pageSize": 2, "pageNumber": 2, "total": 4, "pageCount": 2}"""}) {
            calls.add(cursor.next().orElseThrow().uri().substring(BASE.length()));
            OrgPage page = cursor.accept(200, answer);
            records.addAll(page.records());
            rejected.addAll(page.rejected());
        }
        assertThat(cursor.next()).isEmpty();
        assertThat(calls).containsExactly("/api/v2/routing/queues?pageSize=2&pageNumber=1",
                "/api/v2/routing/queues?pageSize=2&pageNumber=2");
        assertThat(records).containsExactly(
                new OrgRecord.Queue("q1", "Inside Sales", "us-east", Map.of("BU::COST_CENTER", "SAL-0100",
                        "BU::OWNER", "SALES")),
                new OrgRecord.Queue("q2", "Finance EU", "eu-west", Map.of()),
                new OrgRecord.Queue("q3", "Overflow", null, Map.of()));
        assertThat(rejected).extracting(RejectedRecord::position, RejectedRecord::reason)
                .containsExactly(tuple("queues page 2 item 2", "id is missing"));
    }

    /** In September the RET-0452 row is the one in force (the SAL-0100 row starts on 16 October). */
    @Test
    void anotherPeriodTakesTheRowsInForceOnItsOwnLastDay() {
        OrgCursor cursor = adapter(List.of(), 2).cursor(BASE, OrgResource.QUEUES, YearMonth.of(2026, 9),
                Instant.parse("2026-10-01T00:00:00Z"), 500);
        assertThat(cursor.accept(200, "{\"entities\": [{\"id\": \"q1\", \"name\": \"Inside Sales\"}],"
                + " \"pageCount\": 1}").records()).containsExactly(new OrgRecord.Queue("q1", "Inside Sales", null,
                Map.of("BU::COST_CENTER", "RET-0452", "BU::OWNER", "SALES")));
    }

    /**
     * Trunks are asked for by type EXTERNAL; a phone or edge trunk an answer still holds is no carrier trunk and is
     * left out (neither a record nor rejected), a trunk without a type is rejected. Of 5 entities: t1 (HYBRID from
     * its row) and t4 (no row, so the registry default applies in the chargeback) are read.
     */
    @Test
    void onlyExternalTrunksAreReadAsCarrierTrunks() {
        OrgCursor cursor = adapter(List.of(), 2).cursor(BASE, OrgResource.TRUNKS, OCTOBER, SNAPSHOT, 500);
        assertThat(cursor.next().orElseThrow().uri()).isEqualTo(BASE + "/api/v2/telephony/providers/edges/trunks"
                + "?pageSize=500&pageNumber=1&trunkType=EXTERNAL");
        OrgPage page = cursor.accept(200, """
                {"entities": [
                   {"id": "t1", "name": "EU SIP", "state": "active", "trunkType": "EXTERNAL",
                    "edge": {"id": "e1", "name": "Edge 1"}, "trunkBase": {"id": "b1", "name": "EU SIP"},
                    "inService": true, "enabled": true, "selfUri": "/api/v2/telephony/providers/edges/trunks/t1"},
                   {"id": "t2", "name": "Phones", "trunkType": "PHONE"},
                   {"id": "t3", "name": "Edge to edge", "trunkType": "EDGE"},
                   {"id": "t4", "name": "US Carrier C", "trunkType": "EXTERNAL"},
                   {"id": "t5", "name": "Untyped"}],
                 "pageSize": 500, "pageNumber": 1, "total": 5, "pageCount": 1}""");
        assertThat(cursor.next()).isEmpty();
        assertThat(page.records()).containsExactly(
                new OrgRecord.Trunk("t1", "EU SIP", Map.of("BU::ALLOCATION_MODEL", "HYBRID")),
                new OrgRecord.Trunk("t4", "US Carrier C", Map.of()));
        assertThat(page.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason)
                .containsExactly(tuple("trunks page 1 item 5", "trunkType is missing"));
    }

    @Test
    void anEmptyListingIsOneCallAndAPageWithoutPageCountFails() {
        OrgCursor cursor = adapter(List.of(), 2).cursor(BASE, OrgResource.TRUNKS, OCTOBER, SNAPSHOT, 500);
        assertThat(cursor.accept(200, "{\"entities\": [], \"total\": 0, \"pageCount\": 0}").records()).isEmpty();
        assertThat(cursor.next()).isEmpty();
        OrgCursor queues = adapter(List.of(), 2).cursor(BASE, OrgResource.QUEUES, OCTOBER, SNAPSHOT, 500);
        assertThatThrownBy(() -> queues.accept(200, "{\"entities\": []}")).isInstanceOf(
                IllegalArgumentException.class).hasMessage("queues page 1 has no pageCount");
    }

    /** Without a valid chargeback reference version the queues' attributes are unknown: the extraction fails. */
    @Test
    void withoutAChargebackReferenceVersionQueuesAndTrunksAreNotRead() {
        GenesysPublishedOrgAdapter adapter = adapter(List.of(), 2, new ActiveChargebackReference());
        for (OrgResource resource : List.of(OrgResource.QUEUES, OrgResource.TRUNKS)) {
            assertThatThrownBy(() -> adapter.cursor(BASE, resource, OCTOBER, SNAPSHOT, 500))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("no valid chargeback reference data is loaded");
        }
    }

    @Test
    void queueAggregatesAreQueriedForThePeriodAndReadPerQueue() {
        OrgCursor cursor = adapter(List.of(), 2).cursor(BASE, OrgResource.QUEUE_METRICS, OCTOBER, SNAPSHOT, 500);
        OrgRequest request = cursor.next().orElseThrow();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo(BASE + "/api/v2/analytics/conversations/aggregates/query");
        assertThat(request.body()).isEqualTo("{\"interval\":\"2026-10-01T00:00:00Z/2026-11-01T00:00:00Z\","
                + "\"groupBy\":[\"queueId\"],\"filter\":{\"type\":\"and\",\"predicates\":[{\"type\":\"dimension\","
                + "\"dimension\":\"mediaType\",\"operator\":\"matches\",\"value\":\"voice\"}]},"
                + "\"metrics\":[\"nConnected\",\"tAcw\",\"tHeld\",\"tTalk\"]}");
        String interval = "2026-10-01T00:00:00.000Z/2026-11-01T00:00:00.000Z";
        OrgPage page = cursor.accept(200, """
                {"results": [
                  {"group": {"queueId": "q1", "mediaType": "voice"}, "data": [{"interval": "%1$s", "metrics": [
                    {"metric": "nConnected", "stats": {"count": 3}},
                    {"metric": "tTalk", "stats": {"max": 300000, "min": 50500, "count": 3, "sum": 450500}},
                    {"metric": "tHeld", "stats": {"max": 30000, "min": 30000, "count": 1, "sum": 30000}},
                    {"metric": "tAcw", "stats": {"count": 3, "sum": 90000.0}},
                    {"metric": "tHandle", "stats": {"count": 3, "sum": 570500}}]}]},
                  {"group": {"queueId": "q2", "mediaType": "voice"}, "data": [{"interval": "%1$s", "metrics": [
                    {"metric": "nConnected", "stats": {"count": 1}}]}]},
                  {"group": {"mediaType": "voice"}, "data": [{"interval": "%1$s", "metrics": []}]},
                  {"group": {"queueId": "q3"}, "data": [{"interval": "October", "metrics": []}]}]}"""
                .formatted(interval));
        assertThat(cursor.next()).isEmpty();
        // 450500 ms of talk = 450.5 s, 30000 ms held = 30 s, 90000 ms wrap-up = 90 s; tHandle is not read
        assertThat(page.records()).hasSize(2);
        OrgRecord.QueueMetrics q1 = (OrgRecord.QueueMetrics) page.records().get(0);
        assertThat(q1.queueId()).isEqualTo("q1");
        assertThat(q1.from()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(q1.to()).isEqualTo(SNAPSHOT);
        assertThat(q1.talkSeconds()).isEqualByComparingTo("450.5");
        assertThat(q1.heldSeconds()).isEqualByComparingTo("30");
        assertThat(q1.acwSeconds()).isEqualByComparingTo("90");
        assertThat(q1.connected()).isEqualTo(3);
        OrgRecord.QueueMetrics q2 = (OrgRecord.QueueMetrics) page.records().get(1);
        assertThat(List.of(q2.talkSeconds(), q2.heldSeconds(), q2.acwSeconds()))
                .allSatisfy(s -> assertThat(s).isEqualByComparingTo("0"));
        assertThat(q2.connected()).isEqualTo(1);
        assertThat(page.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason).containsExactly(
                tuple("queue metrics page 1 result 3 interval 1", "queueId is missing"),
                tuple("queue metrics page 1 result 4 interval 1",
                        "interval 'October' is not two ISO-8601 instants"));
        // no conversation at all: Genesys answers an empty object
        OrgCursor empty = adapter(List.of(), 2).cursor(BASE, OrgResource.QUEUE_METRICS, OCTOBER, SNAPSHOT, 500);
        assertThat(empty.accept(200, "{}").records()).isEmpty();
    }
}
