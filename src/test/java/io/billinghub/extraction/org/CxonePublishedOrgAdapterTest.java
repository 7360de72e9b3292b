package io.billinghub.extraction.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.TelephonyProperties.Connector;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NICE CXone's published agents read from hand-written pages in the published shape: the calls the cursor makes
 * (top/skip, the page's next link, 204), and the canonical users the settings map them to.
 */
class CxonePublishedOrgAdapterTest {

    private static final String BASE = "https://api-na1.niceincontact.com";
    private static final String AGENTS = BASE + "/inContactAPI/services/v31.0/agents";
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant SNAPSHOT = Instant.parse("2026-11-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CxonePublishedOrgProperties SETTINGS = new CxonePublishedOrgProperties(
            Map.of("Agent Essential", "CX_1", "Agent Complete", "CX_3", "No Seat", "NONE"),
            Map.of("custom1", "CostCenterID", "custom2", "BU::OWNER", "custom4", "BU::ACCOUNT_TYPE"),
            Map.of("3001", "cxone-na", "3002", "cxone-eu"), "BU::ACCOUNT_TYPE", Duration.ofHours(72));
    private final CxonePublishedOrgAdapter adapter = new CxonePublishedOrgAdapter(new CxoneOrgAdapter(JSON),
            SETTINGS, JSON, "31.0");

    /** Drives the users cursor through the answers given, returning the URIs it asked for. */
    private static List<String> drive(OrgCursor cursor, List<OrgPage> pages, String[][] answers) {
        List<String> calls = new ArrayList<>();
        for (String[] answer : answers) {
            OrgRequest request = cursor.next().orElseThrow();
            assertThat(request.method()).isEqualTo("GET");
            calls.add(request.uri());
            pages.add(cursor.accept(Integer.parseInt(answer[0]), answer[1]));
        }
        assertThat(cursor.next()).isEmpty();
        return calls;
    }

    @Test
    void agentsBecomeUsersThroughTheProfileTeamAndCustomFieldMappings() {
        List<OrgPage> pages = new ArrayList<>();
        drive(adapter.cursor(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 10), pages, new String[][] {{"200", """
                {"businessUnitId": 4600001, "totalRecords": 4, "_links": {"self": "x", "next": null},
                 "agents": [
                   {"agentId": 1000001, "firstName": "Ann ", "lastName": "Lee", "isActive": true, "teamId": 3001,
                    "teamName": "Collections", "profileId": 13, "profileName": "Agent Complete",
                    "custom1": "COL-0500", "custom2": "COLLECTIONS", "custom3": "ignored", "custom4": null},
                   {"agentId": 1000002, "firstName": "Bob", "lastName": "Ray", "isActive": false, "teamId": 3002,
                    "profileName": "Supervisor", "custom1": "", "custom2": "RETAIL"},
                   {"agentId": 1000003, "firstName": "API", "lastName": "", "isActive": true, "teamId": 3001,
                    "profileName": "No Seat", "custom4": "integration"},
                   {"agentId": 1000004, "isActive": true, "teamId": 3001, "custom4": "Service"}]}"""}});
        assertThat(pages.get(0).rejected()).isEmpty();
        assertThat(pages.get(0).records()).containsExactly(
                // Complete -> CX_3; custom3 is not mapped; a null custom4 declares nothing: an agent
                new OrgRecord.User("1000001", "Ann Lee", OrgRecord.UserStatus.ACTIVE, "CX_3", "cxone-na",
                        OrgRecord.AccountType.AGENT, Map.of("CostCenterID", "COL-0500", "BU::OWNER", "COLLECTIONS")),
                // an unmapped profile stays the licence type (the chargeback flags it); a blank custom1 is none
                new OrgRecord.User("1000002", "Bob Ray", OrgRecord.UserStatus.INACTIVE, "Supervisor", "cxone-eu",
                        OrgRecord.AccountType.AGENT, Map.of("BU::OWNER", "RETAIL")),
                // a no-seat profile is no licence; the declared type leaves the attributes
                new OrgRecord.User("1000003", "API", OrgRecord.UserStatus.ACTIVE, null, "cxone-na",
                        OrgRecord.AccountType.INTEGRATION, Map.of()),
                new OrgRecord.User("1000004", null, OrgRecord.UserStatus.ACTIVE, null, "cxone-na",
                        OrgRecord.AccountType.SERVICE, Map.of()));
    }

    @Test
    void agentsThatCannotBeMappedAreRejectedWithTheirPositionAndReason() {
        List<OrgPage> pages = new ArrayList<>();
        drive(adapter.cursor(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 10), pages, new String[][] {{"200", """
                {"agents": [
                   {"agentId": 1, "isActive": true, "teamId": 3009, "teamName": "Night Shift"},
                   {"agentId": 2, "teamId": 3001},
                   {"agentId": 3, "isActive": "yes", "teamId": 3001},
                   {"agentId": 4, "isActive": true, "teamId": 3001, "custom4": "robot"},
                   {"isActive": true, "teamId": 3001},
                   {"agentId": 6, "isActive": true, "teamId": 3001, "custom1": "FIN-0001"}]}"""}});
        assertThat(pages.get(0).records()).extracting(r -> ((OrgRecord.User) r).userId()).containsExactly("6");
        assertThat(pages.get(0).rejected()).extracting(RejectedRecord::position, RejectedRecord::reason)
                .containsExactly(
                        tuple("users page 1 item 1", "team 3009 (Night Shift) has no division in"
                                + " hub.chargeback.cxone-published.team-divisions"),
                        tuple("users page 1 item 2", "isActive is missing"),
                        tuple("users page 1 item 3", "isActive must be true or false, was \"yes\""),
                        tuple("users page 1 item 4", "BU::ACCOUNT_TYPE 'robot' is not one of agent, service,"
                                + " integration"),
                        tuple("users page 1 item 5", "agentId is missing"));
    }

    @Test
    void pagesByTopAndSkipUntilAShortPage() {
        List<OrgPage> pages = new ArrayList<>();
        List<String> calls = drive(adapter.cursor(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 2), pages,
                new String[][] {{"200", page(1, 2, null)}, {"200", page(3, 4, null)}, {"200", page(5, 5, null)}});
        assertThat(calls).containsExactly(AGENTS + "?top=2&skip=0", AGENTS + "?top=2&skip=2",
                AGENTS + "?top=2&skip=4");
        assertThat(pages.stream().mapToInt(p -> p.records().size()).sum()).isEqualTo(5);
    }

    @Test
    void followsTheNextLinkAndEndsAtA204() {
        List<OrgPage> pages = new ArrayList<>();
        String next = AGENTS + "?isActive=true&top=2&skip=2";
        List<String> calls = drive(adapter.cursor(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 2), pages,
                new String[][] {{"200", page(1, 2, next)}, {"200", page(3, 4, null)}, {"204", ""}});
        // the link is followed as given; after a full page without one, top/skip goes on from 4
        assertThat(calls).containsExactly(AGENTS + "?top=2&skip=0", next, AGENTS + "?top=2&skip=4");
        assertThat(pages).extracting(p -> p.records().size()).containsExactly(2, 2, 0);
    }

    @Test
    void aPageWithoutTheAgentsArrayFailsWhole() {
        OrgCursor cursor = adapter.cursor(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 2);
        assertThatThrownBy(() -> cursor.accept(200, "{\"users\": []}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users page 1 has no agents array");
    }

    @Test
    void theCurrentStateOfThePublishedConnectorAndTheDocumentShapeForTheRest() {
        assertThat(adapter.vendor()).isEqualTo("cxone");
        assertThat(adapter.connector()).isEqualTo(Connector.PUBLISHED);
        assertThat(adapter.historical()).isFalse();
        assertThat(adapter.resources()).isEqualTo(OrgResource.DOCUMENT);
        OrgCursor skills = adapter.cursor(BASE, OrgResource.QUEUES, OCTOBER, SNAPSHOT, 50);
        assertThat(skills.next().orElseThrow().uri())
                .isEqualTo(BASE + "/api/v2/skills?asOf=2026-11-01T00:00:00Z&skip=0&top=50");
        assertThatThrownBy(() -> adapter.cursor(BASE, OrgResource.USERS, OCTOBER, SNAPSHOT, 501))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSettingsRefuseAFieldAnAgentDoesNotHave() {
        assertThatThrownBy(() -> new CxonePublishedOrgProperties(Map.of(), Map.of("custom6", "CostCenterID"),
                Map.of(), "BU::ACCOUNT_TYPE", Duration.ofHours(72))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'custom6' is not one of the agent's fields custom1 to custom5");
        assertThatThrownBy(() -> new CxonePublishedOrgProperties(Map.of("Agent", " "), Map.of(), Map.of(),
                "BU::ACCOUNT_TYPE", Duration.ofHours(72))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("licence-types: 'Agent' needs a non-blank value");
    }

    /** Agents {@code from}..{@code to} of team 3001, active, and the next link when given. */
    private static String page(int from, int to, String next) {
        StringBuilder agents = new StringBuilder();
        for (int id = from; id <= to; id++) {
            agents.append(id == from ? "" : ",").append("{\"agentId\": ").append(id)
                    .append(", \"isActive\": true, \"teamId\": 3001}");
        }
        return "{\"_links\": {\"next\": " + (next == null ? "null" : "\"" + next + "\"") + "}, \"agents\": ["
                + agents + "]}";
    }
}
