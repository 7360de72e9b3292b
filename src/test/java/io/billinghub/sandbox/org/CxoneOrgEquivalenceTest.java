package io.billinghub.sandbox.org;

import static io.billinghub.sandbox.org.OrgSandboxTestSupport.SNAPSHOT;
import static io.billinghub.sandbox.org.OrgSandboxTestSupport.T0;
import static io.billinghub.sandbox.org.OrgSandboxTestSupport.extractByCursor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.extraction.org.CxoneOrgAdapter;
import io.billinghub.extraction.org.CxonePublishedOrgAdapter;
import io.billinghub.extraction.org.CxonePublishedOrgProperties;
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgResource;
import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox;
import io.billinghub.sandbox.cxone.CxoneSandboxFaults;
import io.billinghub.sandbox.cxone.CxoneTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The judge of the CXone published users: the same generated organisation month read through the document-shaped
 * users (/sandbox/cxone, as of the snapshot) and through the published agents (/sandbox/cxone-published, the
 * current state at the sandbox's clock) gives the same canonical users, except what the published agent cannot say:
 * <ul>
 *   <li>SUSPENDED and DELETED: an agent is active or not. The plan's 1 suspended user (the last of COL-0500) and
 *       its 1 deleted user (deleted 16 days before October, no licence) read INACTIVE. Neither is ACTIVE, so the
 *       chargeback charges neither a seat nor an API and storage share either way.</li>
 *   <li>History: the CXone plan creates and changes no user after the snapshot, so the current state read five
 *       days later is the same; a real tenant's is not, which is why a late extraction is flagged.</li>
 * </ul>
 * Licence types, divisions, account types and attributes come back through the settings application.yml gives the
 * sandbox's profiles, teams and custom fields (built here from the same constants).
 */
@CxoneOrgSandboxTest
class CxoneOrgEquivalenceTest {

    private static final String BASE = "http://localhost/sandbox/cxone";
    private static final String PUBLISHED_BASE = "http://localhost/sandbox/cxone-published";

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

    private final ObjectMapper json = new ObjectMapper();
    private final CxoneOrgAdapter document = new CxoneOrgAdapter(json);
    private final CxonePublishedOrgAdapter publishedAdapter = new CxonePublishedOrgAdapter(document,
            publishedSettings(), json, "31.0");
    private String bearer;
    private String publishedBearer;

    /** As application.yml maps the sandbox's security profiles, teams and custom fields. */
    static CxonePublishedOrgProperties publishedSettings() {
        Map<String, String> licences = new HashMap<>();
        CxonePublishedAgentJson.PROFILES.forEach((type, profile) -> licences.put(profile.name(), type));
        licences.put(CxonePublishedAgentJson.NO_SEAT.name(), CxonePublishedOrgProperties.NO_SEAT);
        Map<String, String> teams = new HashMap<>();
        CxonePublishedAgentJson.TEAMS.values().forEach(team -> teams.put(team.getKey().toString(), "cxone-na"));
        teams.put(CxonePublishedAgentJson.PLATFORM_TEAM.getKey().toString(), "cxone-na");
        return new CxonePublishedOrgProperties(licences, Map.of("custom1", "CostCenterID", "custom2", "BU::OWNER",
                "custom3", "BU::ALLOCATION_MODEL", "custom4", "BU::ACCOUNT_TYPE"), teams, "BU::ACCOUNT_TYPE",
                Duration.ofHours(72));
    }

    @BeforeEach
    void reset() {
        tokens.reset();
        faults.reset();
        published.reset();
        at(SNAPSHOT);
    }

    /** Moves the clock and takes tokens valid then. */
    private void at(Instant instant) {
        clock.set(instant);
        bearer = "Bearer " + tokens.issue("test-client", "test-secret", List.of(CxoneTokens.READ_REPORTS))
                .orElseThrow().accessToken();
        publishedBearer = OrgSandboxTestSupport.publishedBearer(published);
    }

    @Test
    void atTheEndOfTheCycleOnlyTheSuspendedAndTheDeletedUserDiffer() throws Exception {
        List<OrgRecord.User> documentUsers = users(extractByCursor(mvc, document, BASE, OrgResource.USERS, SNAPSHOT,
                500, bearer));
        List<OrgRecord.User> publishedUsers = users(extractByCursor(mvc, publishedAdapter, PUBLISHED_BASE,
                OrgResource.USERS, SNAPSHOT, 25, publishedBearer));
        // 28 COL-0500 (1 suspended), the deleted one, 28 RET-0452 (1 inactive), 1 service, 1 integration account
        assertThat(documentUsers).hasSize(59);
        assertThat(documentUsers).filteredOn(u -> u.status() == OrgRecord.UserStatus.SUSPENDED).hasSize(1);
        assertThat(documentUsers).filteredOn(u -> u.status() == OrgRecord.UserStatus.DELETED).hasSize(1)
                .allMatch(u -> u.licenceType() == null);
        List<OrgRecord.User> expected = documentUsers.stream().map(u -> u.status() == OrgRecord.UserStatus.SUSPENDED
                || u.status() == OrgRecord.UserStatus.DELETED ? new OrgRecord.User(u.userId(), u.name(),
                OrgRecord.UserStatus.INACTIVE, u.licenceType(), u.division(), u.accountType(), u.attributes()) : u)
                .toList();
        assertThat(publishedUsers).containsExactlyElementsOf(expected);
        // what the chargeback prices is the same: 27 + 27 active agents and the 2 accounts; 55 of them licensed
        // (the integration account holds none)
        for (List<OrgRecord.User> users : List.of(documentUsers, publishedUsers)) {
            assertThat(users).filteredOn(u -> u.status() == OrgRecord.UserStatus.ACTIVE).hasSize(56)
                    .filteredOn(u -> u.licenceType() != null).hasSize(55);
        }
        assertThat(publishedUsers).filteredOn(u -> u.status() == OrgRecord.UserStatus.INACTIVE).hasSize(3);
    }

    @Test
    void withoutNextLinksTopAndSkipReadTheSameAgents() throws Exception {
        List<OrgRecord> linked = extractByCursor(mvc, publishedAdapter, PUBLISHED_BASE, OrgResource.USERS, SNAPSHOT,
                7, publishedBearer);
        published.linksNext(false);
        // 59 agents in pages of 7: 8 full pages and one of 3, which ends the reading without a 204
        assertThat(extractByCursor(mvc, publishedAdapter, PUBLISHED_BASE, OrgResource.USERS, SNAPSHOT, 7,
                publishedBearer)).hasSize(59).isEqualTo(linked);
        // 59 agents in pages of 59: the full page asks for the next, answered 204
        assertThat(extractByCursor(mvc, publishedAdapter, PUBLISHED_BASE, OrgResource.USERS, SNAPSHOT, 59,
                publishedBearer)).isEqualTo(linked);
    }

    @Test
    void readLaterTheCurrentStateIsTheSameForAPlanWithoutLaterChanges() throws Exception {
        List<OrgRecord> atSnapshot = extractByCursor(mvc, publishedAdapter, PUBLISHED_BASE, OrgResource.USERS,
                SNAPSHOT, 50, publishedBearer);
        at(T0);
        assertThat(extractByCursor(mvc, publishedAdapter, PUBLISHED_BASE, OrgResource.USERS, SNAPSHOT, 50,
                publishedBearer)).isEqualTo(atSnapshot);
    }

    @Test
    void theOtherResourcesAreTheDocumentShapedOnesOnThePublishedHost() throws Exception {
        for (OrgResource resource : List.of(OrgResource.QUEUES, OrgResource.TRUNKS, OrgResource.CONVERSATIONS,
                OrgResource.WFM_SHIFTS, OrgResource.ANALYTICS, OrgResource.SESSIONS, OrgResource.INVOICE)) {
            assertThat(extractByCursor(mvc, publishedAdapter, PUBLISHED_BASE, resource, SNAPSHOT, 500,
                    publishedBearer)).as(resource.name()).isNotEmpty()
                    .isEqualTo(extractByCursor(mvc, document, BASE, resource, SNAPSHOT, 500, bearer));
        }
    }

    private static List<OrgRecord.User> users(List<OrgRecord> records) {
        return records.stream().map(OrgRecord.User.class::cast).toList();
    }
}
