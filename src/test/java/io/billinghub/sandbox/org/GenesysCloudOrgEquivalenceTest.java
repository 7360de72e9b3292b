package io.billinghub.sandbox.org;

import static io.billinghub.sandbox.org.OrgSandboxTestSupport.OCTOBER;
import static io.billinghub.sandbox.org.OrgSandboxTestSupport.SNAPSHOT;
import static io.billinghub.sandbox.org.OrgSandboxTestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.allocation.ChargebackFixtures;
import io.billinghub.extraction.org.GenesysOrgAdapter;
import io.billinghub.extraction.org.GenesysPublishedOrgAdapter;
import io.billinghub.extraction.org.GenesysPublishedProperties;
import io.billinghub.extraction.org.OrgCursor;
import io.billinghub.extraction.org.OrgPage;
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgRequest;
import io.billinghub.extraction.org.OrgResource;
import io.billinghub.extraction.org.OrgSnapshotAdapter;
import io.billinghub.platform.SettableClock;
import io.billinghub.referencedata.ValidationError;
import io.billinghub.referencedata.chargeback.ActiveChargebackReference;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData;
import io.billinghub.referencedata.chargeback.ChargebackReferenceParser;
import io.billinghub.sandbox.SandboxFaults;
import io.billinghub.sandbox.SandboxTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The judge of the published connector: the same generated Genesys organisation month, extracted at the one base
 * URL /sandbox/genesys through the document-shaped API (as of the snapshot) and through the published one (current
 * state), gives the same canonical records, except what the published API cannot say:
 * <ul>
 *   <li>SUSPENDED: Genesys users are active, inactive or deleted; the 3 suspended users of the plan (one each in
 *       RET-0452, FIN-0001 us-east and SUP-0200) read INACTIVE. The chargeback treats both alike (neither rates a
 *       seat nor counts for API and storage); the billable usage still counts their seats.</li>
 *   <li>History: read after the end of the cycle, the current state holds the user created after the snapshot and
 *       the later version of the user changed after it (another licence and cost centre): 2 more differences,
 *       which is why such an extraction is flagged.</li>
 *   <li>Queue metrics: the aggregates the published API adds sum, per answering queue, exactly the conversations of
 *       the document-shaped queue metrics; they cannot stand in for them (no trunk, start or originating queue).</li>
 *   <li>Queues and trunks: read from Genesys's published lists (the external trunks only), with the owner, cost
 *       centre and allocation model the integration team maintains in mappings/genesys-resource-attributes.csv:
 *       equal to the document's, which carry them as custom attributes.</li>
 *   <li>Sessions: read from the users' presence records (user details query, a week at a time), they are the
 *       document's sessions, named by user and login instant instead of the document's session id.</li>
 *   <li>Resources without a published form in the document's shape (per-conversation queue metrics, WFM shifts
 *       with available minutes, analytics usage, the invoice with money) are read from the document-shaped
 *       endpoints: identical by construction, checked anyway.</li>
 * </ul>
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
class GenesysCloudOrgEquivalenceTest {

    /** The organisation's one API host: both connectors read it with the same token. */
    static final String BASE = "http://localhost/sandbox/genesys";

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

    private final ObjectMapper json = new ObjectMapper();
    private final GenesysOrgAdapter document = new GenesysOrgAdapter(json);
    private final GenesysPublishedOrgAdapter published = new GenesysPublishedOrgAdapter(document,
            publishedSettings(), shippedChargebackReference(), json);
    private String bearer;

    /** The chargeback set of mappings/ in force, as the hub loads it: its Genesys rows are the sandbox's. */
    static ActiveChargebackReference shippedChargebackReference() {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (String name : ChargebackReferenceParser.FILES) {
                files.put(name, Files.readAllBytes(Path.of("mappings", name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ValidationError> errors = new ArrayList<>();
        ChargebackReferenceData data = new ChargebackReferenceParser(ChargebackFixtures.policy()
                .costCentreAttributes()).parse(files, errors);
        assertThat(errors).isEmpty();
        ActiveChargebackReference reference = new ActiveChargebackReference();
        reference.activate(1, data);
        return reference;
    }

    /** As application.yml maps the sandbox's licence names and its one attribute schema. */
    static GenesysPublishedProperties publishedSettings() {
        Map<String, String> types = new TreeMap<>();
        GenesysCloudOrgJson.LICENCE_NAMES.forEach((type, name) -> types.put(name, type));
        types.put(GenesysCloudOrgJson.WEM_ADD_ON, GenesysPublishedProperties.NO_SEAT);
        GenesysCloudOrgJson.USAGE_NAMES.forEach((licence, usage) -> types.put(usage, types.get(licence)));
        return new GenesysPublishedProperties(types, List.of(GenesysCloudOrgJson.SCHEMA), "BU::ACCOUNT_TYPE",
                Duration.ofSeconds(5), Duration.ofSeconds(60), 20, Duration.ofHours(72));
    }

    @BeforeEach
    void reset() {
        tokens.reset();
        faults.reset();
        at(SNAPSHOT);
    }

    /** Moves the clock and takes a token valid then. */
    private void at(Instant instant) {
        clock.set(instant);
        bearer = "Bearer " + tokens.issue("test-client", "test-secret").orElseThrow().accessToken();
    }

    @Test
    void atTheEndOfTheCycleOnlyTheSuspendedUsersDiffer() throws Exception {
        List<OrgRecord> documentUsers = extract(document, BASE, OrgResource.USERS);
        List<OrgRecord> publishedUsers = extract(published, BASE, OrgResource.USERS);
        // the plan's suspended users: RET-0452 1, FIN-0001 (us-east) 1, SUP-0200 1
        List<OrgRecord.User> suspended = users(documentUsers).stream()
                .filter(u -> u.status() == OrgRecord.UserStatus.SUSPENDED).toList();
        assertThat(suspended).hasSize(3);
        List<OrgRecord> expected = users(documentUsers).stream().map(u -> u.status() == OrgRecord.UserStatus.SUSPENDED
                ? new OrgRecord.User(u.userId(), u.name(), OrgRecord.UserStatus.INACTIVE, u.licenceType(),
                u.division(), u.accountType(), u.attributes()) : u).map(OrgRecord.class::cast).toList();
        assertThat(publishedUsers).hasSize(119).containsExactlyElementsOf(expected);

        for (OrgResource resource : List.of(OrgResource.QUEUES, OrgResource.TRUNKS, OrgResource.CONVERSATIONS,
                OrgResource.WFM_SHIFTS, OrgResource.ANALYTICS, OrgResource.INVOICE)) {
            assertThat(extract(published, BASE, resource)).as(resource.name())
                    .isNotEmpty().isEqualTo(extract(document, BASE, resource));
        }
    }

    /**
     * The 10 queues and 3 carrier trunks, read from the published lists with the shipped mapping rows, are the
     * document's to the attribute, Ops Escalations' cost centre under CostCenterID included; the phone and edge
     * trunks Genesys also lists are not asked for. Read five days later they are the same: neither has a history.
     */
    @Test
    void queuesAndTrunksFromThePublishedListsAndTheMappingAreTheDocuments() throws Exception {
        List<OrgRecord> queues = extract(published, BASE, OrgResource.QUEUES);
        List<OrgRecord> trunks = extract(published, BASE, OrgResource.TRUNKS);
        assertThat(queues).hasSize(10).isEqualTo(extract(document, BASE, OrgResource.QUEUES));
        assertThat(trunks).hasSize(3).isEqualTo(extract(document, BASE, OrgResource.TRUNKS));
        assertThat(queues).contains(new OrgRecord.Queue("976cd646-0292-3124-acd7-c8f5c8fbafd3", "Ops Escalations",
                "us-east", Map.of("BU::OWNER", "SUPPORT", "CostCenterID", "OPS-9999")));
        assertThat(trunks).extracting(t -> ((OrgRecord.Trunk) t).attributes().get("BU::ALLOCATION_MODEL"))
                .containsExactly("VOLUME", "CONCURRENCY_WEIGHTED", "HYBRID");
        at(T0);
        assertThat(extract(published, BASE, OrgResource.QUEUES)).isEqualTo(queues);
        assertThat(extract(published, BASE, OrgResource.TRUNKS)).isEqualTo(trunks);
    }

    @Test
    void thePresenceRecordsGiveTheDocumentsSessions() throws Exception {
        List<OrgRecord.Session> documentSessions = sessions(extract(document, BASE, OrgResource.SESSIONS));
        List<OrgRecord.Session> publishedSessions = sessions(extract(published, BASE, OrgResource.SESSIONS));

        assertThat(documentSessions).isNotEmpty();
        assertThat(publishedSessions).allMatch(s -> s.sessionId().equals(s.userId() + "@" + s.start()));
        assertThat(publishedSessions.stream().map(GenesysCloudOrgEquivalenceTest::unnamed).toList())
                .containsExactlyInAnyOrderElementsOf(documentSessions.stream()
                        .map(GenesysCloudOrgEquivalenceTest::unnamed).toList());
    }

    private static List<OrgRecord.Session> sessions(List<OrgRecord> records) {
        return records.stream().map(OrgRecord.Session.class::cast).toList();
    }

    private static OrgRecord.Session unnamed(OrgRecord.Session s) {
        return new OrgRecord.Session("", s.userId(), s.start(), s.end());
    }

    @Test
    void theBillableUsageCountsTheSeatsOfActiveAndSuspendedUsers() throws Exception {
        List<OrgRecord.User> users = users(extract(document, BASE, OrgResource.USERS));
        Map<String, BigDecimal> seats = users.stream()
                .filter(u -> u.licenceType() != null && (u.status() == OrgRecord.UserStatus.ACTIVE
                        || u.status() == OrgRecord.UserStatus.SUSPENDED))
                .collect(Collectors.groupingBy(OrgRecord.User::licenceType, TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO, u -> BigDecimal.ONE, BigDecimal::add)));
        List<OrgRecord> usage = extract(published, BASE, OrgResource.BILLABLE_USAGE);
        Map<String, BigDecimal> billed = new TreeMap<>();
        BigDecimal addOns = BigDecimal.ZERO;
        for (OrgRecord r : usage) {
            OrgRecord.LicenceUsage u = (OrgRecord.LicenceUsage) r;
            assertThat(u.licenceType()).isNotNull();
            if (u.licenceType().equals(OrgRecord.LicenceUsage.NO_SEAT)) {
                addOns = addOns.add(u.quantity());
            } else {
                billed.merge(u.licenceType(), u.quantity(), BigDecimal::add);
            }
            assertThat(u.quantity()).isEqualByComparingTo(BigDecimal.valueOf(u.resources()));
        }
        assertThat(billed).isEqualTo(seats);
        // every CX_3 seat holds the WEM add-on, which is no seat
        assertThat(addOns).isEqualByComparingTo(seats.get("CX_3"));
    }

    @Test
    void theQueueAggregatesAddUpTheConversationsEachQueueAnswered() throws Exception {
        Map<String, long[]> expected = new TreeMap<>();
        for (OrgRecord r : extract(document, BASE, OrgResource.CONVERSATIONS)) {
            OrgRecord.Conversation c = (OrgRecord.Conversation) r;
            long[] sums = expected.computeIfAbsent(c.queueId(), k -> new long[3]);
            sums[0]++;
            sums[1] += c.talkSeconds();
            sums[2] += c.holdSeconds() + c.wrapUpSeconds();
        }
        Map<String, long[]> aggregated = new TreeMap<>();
        for (OrgRecord r : extract(published, BASE, OrgResource.QUEUE_METRICS)) {
            OrgRecord.QueueMetrics m = (OrgRecord.QueueMetrics) r;
            aggregated.put(m.queueId(), new long[] {m.connected(), m.talkSeconds().longValueExact(),
                m.heldSeconds().add(m.acwSeconds()).longValueExact()});
        }
        // the plan's 10 queues all answer calls in October
        assertThat(aggregated).hasSize(10);
        assertThat(aggregated).usingRecursiveComparison().isEqualTo(expected);
    }

    @Test
    void readLaterTheCurrentStateAlsoHoldsTheChangesAfterTheSnapshot() throws Exception {
        List<OrgRecord.User> atSnapshot = users(extract(document, BASE, OrgResource.USERS));
        at(T0);
        List<OrgRecord.User> now = users(extract(published, BASE, OrgResource.USERS));
        OrgMonth month = months.genesys();
        Set<String> differing = new TreeSet<>();
        Map<String, OrgRecord.User> before = atSnapshot.stream().collect(Collectors.toMap(OrgRecord.User::userId,
                u -> u));
        for (OrgRecord.User u : now) {
            OrgRecord.User old = before.get(u.userId());
            if (old == null || !old.equals(u)) {
                differing.add(u.userId());
            }
        }
        Set<String> suspended = atSnapshot.stream().filter(u -> u.status() == OrgRecord.UserStatus.SUSPENDED)
                .map(OrgRecord.User::userId).collect(Collectors.toSet());
        differing.removeAll(suspended);
        assertThat(now).hasSize(120);
        assertThat(differing).containsExactlyInAnyOrder(month.planted().createdAfterSnapshot(),
                month.planted().changedAfterSnapshot());
    }

    private static List<OrgRecord.User> users(List<OrgRecord> records) {
        return records.stream().map(OrgRecord.User.class::cast).toList();
    }

    /** Every record of a resource, the way the hub's extraction drives the cursor; nothing may be rejected. */
    private List<OrgRecord> extract(OrgSnapshotAdapter adapter, String base, OrgResource resource) throws Exception {
        List<OrgRecord> records = new ArrayList<>();
        OrgCursor cursor = adapter.cursor(base, resource, OCTOBER, SNAPSHOT, 50);
        while (cursor.next().isPresent()) {
            OrgRequest request = cursor.next().get();
            MockHttpServletRequestBuilder call = "POST".equals(request.method())
                    ? post(URI.create(request.uri())).contentType(MediaType.APPLICATION_JSON).content(request.body())
                    : get(URI.create(request.uri()));
            MockHttpServletResponse answer = mvc.perform(call.header(HttpHeaders.AUTHORIZATION, bearer)).andReturn()
                    .getResponse();
            assertThat(answer.getStatus()).as(request.uri()).isIn(request.notFoundIsAnswer() ? List.of(200, 404)
                    : List.of(200));
            OrgPage page = cursor.accept(answer.getStatus(), answer.getContentAsString());
            assertThat(page.rejected()).as(request.uri()).isEmpty();
            records.addAll(page.records());
        }
        return records;
    }
}
