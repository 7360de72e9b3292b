package io.billinghub.sandbox.org;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgRecord.AccountType;
import io.billinghub.extraction.org.OrgRecord.UserStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The default months (2026-10, seed 20261001) of both tenants. */
class OrgMonthGeneratorTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final OrgMonth GENESYS = OrgMonthGenerator.genesys(OCTOBER, OrgMonthGenerator.DEFAULT_SEED);
    private static final OrgMonth CXONE = OrgMonthGenerator.cxone(OCTOBER, OrgMonthGenerator.DEFAULT_SEED);
    private static final Instant SNAPSHOT = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant OCTOBER_START = Instant.parse("2026-10-01T00:00:00Z");
    private static final Set<String> COST_CENTRE_KEYS = Set.of("BU::COST_CENTER", "CostCenterID", "Cost Center Code");

    @Test
    void theSameSeedGivesTheSameMonthAndAnotherSeedAnotherOne() {
        assertThat(OrgMonthGenerator.genesys(OCTOBER, OrgMonthGenerator.DEFAULT_SEED)).isEqualTo(GENESYS);
        assertThat(OrgMonthGenerator.cxone(OCTOBER, OrgMonthGenerator.DEFAULT_SEED)).isEqualTo(CXONE);
        OrgMonth other = OrgMonthGenerator.genesys(OCTOBER, 7);
        assertThat(other.conversations()).isNotEqualTo(GENESYS.conversations());
        // The plan does not depend on the seed: the same people, queues and trunks, under the same ids.
        assertThat(other.users(SNAPSHOT)).extracting(OrgRecord.User::userId)
                .isEqualTo(GENESYS.users(SNAPSHOT).stream().map(OrgRecord.User::userId).toList());
    }

    @Test
    void theGenesysTenantHas120UsersTenQueuesAndThreeTrunks() {
        assertThat(GENESYS.snapshot()).isEqualTo(SNAPSHOT);
        assertThat(GENESYS.divisions()).containsOnly(entry("us-east", "US East"), entry("eu-west", "EU West"));
        assertThat(GENESYS.userHistory().stream().map(v -> v.user().userId()).distinct()).hasSize(120);
        List<OrgRecord.User> users = GENESYS.users(SNAPSHOT);
        // 118 in the pools and the deleted one; the user created after the snapshot is not there yet.
        assertThat(users).hasSize(119);
        assertThat(users.stream().collect(groupingBy(OrgRecord.User::status, counting()))).containsOnly(
                entry(UserStatus.ACTIVE, 112L), entry(UserStatus.INACTIVE, 3L), entry(UserStatus.SUSPENDED, 3L),
                entry(UserStatus.DELETED, 1L));
        assertThat(users.stream().collect(groupingBy(OrgRecord.User::division, counting())))
                .containsOnly(entry("us-east", 80L), entry("eu-west", 39L));
        assertThat(users).extracting(OrgRecord.User::licenceType).containsOnly("CX_1", "CX_2", "CX_3", null);
        assertThat(GENESYS.queues()).hasSize(10);
        assertThat(GENESYS.trunks()).extracting(t -> t.attributes().get("BU::ALLOCATION_MODEL"))
                .containsExactly("VOLUME", "CONCURRENCY_WEIGHTED", "HYBRID");
    }

    @Test
    void theCxoneTenantHas59UsersFourSkillsAndOneTrunkOnTheRegistryDefault() {
        assertThat(CXONE.divisions()).containsOnly(entry("cxone-na", "CXone North America"));
        List<OrgRecord.User> users = CXONE.users(SNAPSHOT);
        assertThat(users).hasSize(59).allSatisfy(u -> assertThat(u.division()).isEqualTo("cxone-na"));
        assertThat(users.stream().collect(groupingBy(OrgRecord.User::status, counting()))).containsOnly(
                entry(UserStatus.ACTIVE, 56L), entry(UserStatus.INACTIVE, 1L), entry(UserStatus.SUSPENDED, 1L),
                entry(UserStatus.DELETED, 1L));
        assertThat(users).filteredOn(u -> u.accountType() == AccountType.AGENT && u.status() != UserStatus.DELETED)
                .allSatisfy(u -> assertThat(u.attributes()).containsKeys("BU::OWNER", "Cost Center Code"));
        assertThat(users).extracting(OrgRecord.User::userId).first().isEqualTo("1000001");
        assertThat(CXONE.queues()).extracting(OrgRecord.Queue::name).containsExactly("Collections Early Stage",
                "Collections Late Stage", "Retail Care NA", "Retail Orders NA");
        assertThat(CXONE.trunks()).singleElement().satisfies(t -> assertThat(t.attributes()).isEmpty());
        assertThat(CXONE.planted().nonHumanAccounts()).hasSize(2);
    }

    @Test
    void costCentresAreFromHrisExceptThePlantedOnes() {
        Map<String, Set<String>> byDivision = GENESYS.users(SNAPSHOT).stream()
                .filter(u -> costCentre(u.attributes()) != null)
                .collect(groupingBy(OrgRecord.User::division, Collectors.mapping(u -> costCentre(u.attributes()),
                        toSet())));
        // MKT-0300 closed in HRIS on 2026-08-31, OPS-9999 unknown to it, FIN-0001 in both divisions.
        assertThat(byDivision).containsOnly(
                entry("us-east", Set.of("RET-0452", "SAL-0100", "FIN-0001", "MKT-0300", "OPS-9999")),
                entry("eu-west", Set.of("SUP-0200", "FIN-0001", "fin_1")));
        assertThat(GENESYS.queues()).extracting(q -> costCentre(q.attributes()))
                .contains("MKT-0300", "OPS-9999");
        assertThat(GENESYS.users(SNAPSHOT)).filteredOn(u -> "MKT-0300".equals(costCentre(u.attributes())))
                .hasSize(5);
        assertThat(GENESYS.users(SNAPSHOT)).filteredOn(u -> "OPS-9999".equals(costCentre(u.attributes())))
                .hasSize(3);
        // Both attribute names are in use.
        assertThat(GENESYS.users(SNAPSHOT).stream().flatMap(u -> u.attributes().keySet().stream()))
                .contains("BU::COST_CENTER", "CostCenterID");
    }

    @Test
    void thePlantedUsersAreThere() {
        OrgMonth.Planted planted = GENESYS.planted();
        Map<String, OrgRecord.User> users = byId(GENESYS.users(SNAPSHOT));

        OrgRecord.User noCostCentre = users.get(planted.noCostCentre());
        assertThat(noCostCentre.accountType()).isEqualTo(AccountType.AGENT);
        assertThat(noCostCentre.attributes()).containsOnly(entry("BU::OWNER", "SALES"));
        assertThat(costCentre(users.get(planted.malformedCostCentre()).attributes())).isEqualTo("fin_1");
        assertThat(planted.nonHumanAccounts()).extracting(id -> users.get(id).accountType())
                .containsExactly(AccountType.SERVICE, AccountType.INTEGRATION);
        assertThat(planted.nonHumanAccounts()).allSatisfy(id -> assertThat(users.get(id).attributes()).isEmpty());
        assertThat(users.get(planted.deleted()).status()).isEqualTo(UserStatus.DELETED);
        assertThat(users.get(planted.deleted()).licenceType()).isNull();
        assertThat(byId(GENESYS.users(OCTOBER_START.minus(Duration.ofDays(20)))).get(planted.deleted()).status())
                .isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void theSnapshotShowsTheStateAtTheSnapshotNotTheLaterOne() {
        OrgMonth.Planted planted = GENESYS.planted();
        assertThat(byId(GENESYS.users(SNAPSHOT))).doesNotContainKey(planted.createdAfterSnapshot());
        Instant later = SNAPSHOT.plus(Duration.ofDays(5));
        assertThat(byId(GENESYS.users(later))).containsKey(planted.createdAfterSnapshot());

        OrgRecord.User atSnapshot = byId(GENESYS.users(SNAPSHOT)).get(planted.changedAfterSnapshot());
        OrgRecord.User afterwards = byId(GENESYS.users(later)).get(planted.changedAfterSnapshot());
        assertThat(atSnapshot.attributes()).containsEntry("BU::OWNER", "SALES")
                .containsEntry("BU::ALLOCATION_MODEL", "FLAT_RATE").containsValue("SAL-0100");
        assertThat(atSnapshot.licenceType()).isNotEqualTo("CX_3");
        assertThat(afterwards.licenceType()).isEqualTo("CX_3");
        assertThat(afterwards.attributes()).containsEntry("BU::OWNER", "FINANCE").containsValue("FIN-0001")
                .doesNotContainKey("BU::ALLOCATION_MODEL");
        // Its October shifts are still worked under the old cost centre.
        assertThat(GENESYS.shifts()).anyMatch(s -> s.userId().equals(planted.changedAfterSnapshot()));
    }

    @Test
    void everyCostCentreHasOneLicenceModelAndUsRetailIsUtilisationWeighted() {
        for (OrgMonth month : List.of(GENESYS, CXONE)) {
            Map<String, Set<String>> models = month.users(SNAPSHOT).stream()
                    .filter(u -> costCentre(u.attributes()) != null && u.status() != UserStatus.DELETED)
                    .collect(groupingBy(u -> u.division() + "/" + costCentre(u.attributes()),
                            Collectors.mapping(u -> u.attributes().getOrDefault("BU::ALLOCATION_MODEL", "none"),
                                    toSet())));
            assertThat(models.values()).allSatisfy(set -> assertThat(set).hasSize(1));
        }
        assertThat(GENESYS.users(SNAPSHOT)).filteredOn(u -> u.division().equals("us-east")
                && "RETAIL".equals(u.attributes().get("BU::OWNER"))).hasSize(40)
                .allSatisfy(u -> assertThat(u.attributes()).containsEntry("BU::ALLOCATION_MODEL",
                        "UTILIZATION_WEIGHTED"));
    }

    @Test
    void usRetailUsesFewOfItsSeatsAtOnce() {
        Set<String> retail = GENESYS.users(SNAPSHOT).stream()
                .filter(u -> "RET-0452".equals(costCentre(u.attributes())))
                .map(OrgRecord.User::userId).collect(toSet());
        List<OrgRecord.Session> sessions = GENESYS.sessions().stream().filter(s -> retail.contains(s.userId()))
                .toList();
        // 36 active day agents on a four-day rota (9 a day, their shifts overlapping from 09:00 to 15:30 local)
        // and a night team of 2 who never overlap them: at most 9 of 40 seats, 22.5 %.
        assertThat(retail).hasSize(40);
        assertThat(peakSessions(sessions)).isEqualTo(9);
        Set<String> support = GENESYS.users(SNAPSHOT).stream()
                .filter(u -> "SUP-0200".equals(costCentre(u.attributes())))
                .map(OrgRecord.User::userId).collect(toSet());
        // Support works every weekday: 25 active day agents of 30 seats at once.
        assertThat(peakSessions(GENESYS.sessions().stream().filter(s -> support.contains(s.userId())).toList()))
                .isEqualTo(25);
    }

    @Test
    void aboutOneConversationInTwentyOverflowsToAnotherCostCentre() {
        // 22 weekdays x 150 + 9 weekend days x 25 + the 36 campaign calls; every 20th overflows.
        assertThat(GENESYS.conversations()).hasSize(3561);
        assertThat(CXONE.conversations()).hasSize(22 * 40 + 9 * 6);
        for (OrgMonth month : List.of(GENESYS, CXONE)) {
            Map<String, String> costCentres = month.queues().stream()
                    .collect(Collectors.toMap(OrgRecord.Queue::queueId, q -> costCentre(q.attributes())));
            List<OrgRecord.Conversation> overflow = month.conversations().stream()
                    .filter(c -> !c.initialQueueId().equals(c.queueId())).toList();
            assertThat(overflow).hasSize(month.conversations().size() / 20).allSatisfy(c -> {
                assertThat(costCentres.get(c.initialQueueId())).isNotEqualTo(costCentres.get(c.queueId()));
                assertThat(c.routingRuleId()).endsWith("-overflow");
            });
            assertThat(month.conversations()).allSatisfy(c -> {
                assertThat(c.start()).isBetween(OCTOBER_START, SNAPSHOT.minusSeconds(1));
                assertThat(c.talkSeconds()).isBetween(20L, 1800L);
            });
        }
        assertThat(GENESYS.conversations()).extracting(OrgRecord.Conversation::conversationId)
                .doesNotHaveDuplicates();
    }

    @Test
    void shiftsCrossTheDstChangesAndStartInTheMonth() {
        assertThat(GENESYS.shifts()).allSatisfy(s -> {
            assertThat(OrgMonth.shiftStart(s)).isBetween(OCTOBER_START, SNAPSHOT.minusSeconds(1));
            long scheduled = PlatformInvoiceBuilder.scheduledMinutes(s);
            assertThat(scheduled - s.availableMinutes()).isIn(0L, Math.round(scheduled * 0.03),
                    Math.round(scheduled * 0.04), Math.round(scheduled * 0.05));
        });
        assertThat(GENESYS.shifts()).anyMatch(s -> s.availableMinutes() < PlatformInvoiceBuilder.scheduledMinutes(s));
        // London falls back on 25 October: the 3 night agents' shift from 22:00 to 06:30 lasts 570 minutes.
        assertThat(GENESYS.shifts()).filteredOn(s -> s.localStart().equals(LocalDateTime.parse("2026-10-24T22:00")))
                .hasSize(3).allSatisfy(s -> {
                    assertThat(s.timeZone()).isEqualTo("Europe/London");
                    assertThat(PlatformInvoiceBuilder.scheduledMinutes(s)).isEqualTo(570);
                });
        // New York falls back on 1 November: the last October night (18:00 to 02:30) lasts 570 minutes too.
        assertThat(GENESYS.shifts()).filteredOn(s -> s.localStart().equals(LocalDateTime.parse("2026-10-31T18:00")))
                .hasSize(2).allSatisfy(s -> {
                    assertThat(s.timeZone()).isEqualTo("America/New_York");
                    assertThat(s.localEnd()).isEqualTo(LocalDateTime.parse("2026-11-01T02:30"));
                    assertThat(PlatformInvoiceBuilder.scheduledMinutes(s)).isEqualTo(570);
                });
        assertThat(GENESYS.shifts()).filteredOn(s -> PlatformInvoiceBuilder.scheduledMinutes(s) != 510).hasSize(5);
        assertThat(CXONE.shifts()).allSatisfy(s -> assertThat(s.timeZone()).isEqualTo("America/New_York"));
        assertThat(GENESYS.sessions()).hasSameSizeAs(GENESYS.shifts());
    }

    @Test
    void analyticsAreTheAnsweredTalkMinutesPerQueueAndUtcDay() {
        for (OrgMonth month : List.of(GENESYS, CXONE)) {
            Map<String, Long> talk = month.conversations().stream().collect(groupingBy(
                    c -> c.queueId() + "/" + c.start().toString().substring(0, 10),
                    Collectors.summingLong(OrgRecord.Conversation::talkSeconds)));
            assertThat(month.analytics()).hasSize(talk.size()).allSatisfy(a -> assertThat(a.processedMinutes())
                    .isEqualTo(BigDecimal.valueOf(talk.get(a.queueId() + "/" + a.day()))
                            .divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP)));
        }
    }

    @Test
    void theInvoicesArePinned() {
        // Pinned from a run: the month's invoice changes only when the generator does, deliberately.
        assertThat(GENESYS.invoice().invoiceId()).isEqualTo("PLT-GEN-2026-10");
        assertThat(categories(GENESYS.invoice())).containsExactly(entry("LICENCE", "5265.00"),
                entry("TELEPHONY", "640.88"), entry("WFM", "859.06"), entry("ANALYTICS", "87.82"),
                entry("API_STORAGE", "1250.00"));
        assertThat(GENESYS.invoice().total()).isEqualByComparingTo("8102.76");
        assertThat(GENESYS.invoice().lines()).extracting(OrgRecord.PlatformCharge::description).containsExactly(
                "CX_1 seats: 39 at 25.00", "CX_2 seats: 57 at 50.00", "CX_3 seats: 18 at 80.00",
                "Trunk capacity: 5 channels at 12.00", "Trunk usage: 8191 minutes at 0.0120",
                "Trunk capacity: 20 channels at 12.00", "Trunk usage: 5727 minutes at 0.0120",
                "Trunk capacity: 5 channels at 12.00", "Trunk usage: 9489 minutes at 0.0120",
                "Scheduled minutes: 954510 at 0.0009", "Processed minutes: 19514.8 at 0.0045",
                "API and storage, fixed monthly fee");
        assertThat(CXONE.invoice().invoiceId()).isEqualTo("PLT-CXO-2026-10");
        assertThat(categories(CXONE.invoice())).containsExactly(entry("LICENCE", "2455.00"),
                entry("TELEPHONY", "129.86"), entry("WFM", "545.29"), entry("ANALYTICS", "21.36"),
                entry("API_STORAGE", "480.00"));
        assertThat(CXONE.invoice().total()).isEqualByComparingTo("3631.51");
    }

    @Test
    void theInvoiceBillsActiveAndSuspendedSeatsAsOfTheSnapshot() {
        for (OrgMonth month : List.of(GENESYS, CXONE)) {
            // "CX_1 seats: 39 at 25.00"
            long billed = month.users(SNAPSHOT).stream().filter(u -> u.licenceType() != null
                    && (u.status() == UserStatus.ACTIVE || u.status() == UserStatus.SUSPENDED)).count();
            assertThat(month.invoice().lines().stream().filter(l -> l.category().equals("LICENCE"))
                    .mapToInt(l -> Integer.parseInt(l.description().split(" ")[2])).sum()).isEqualTo((int) billed);
        }
    }

    private static Map<String, String> categories(PlatformInvoice invoice) {
        Map<String, String> totals = new LinkedHashMap<>();
        for (String category : List.of("LICENCE", "TELEPHONY", "WFM", "ANALYTICS", "API_STORAGE")) {
            totals.put(category, invoice.total(category).toPlainString());
        }
        return totals;
    }

    private static String costCentre(Map<String, String> attributes) {
        return attributes.entrySet().stream().filter(e -> COST_CENTRE_KEYS.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static Map<String, OrgRecord.User> byId(List<OrgRecord.User> users) {
        return users.stream().collect(Collectors.toMap(OrgRecord.User::userId, Function.identity()));
    }

    private static int peakSessions(List<OrgRecord.Session> sessions) {
        List<Instant[]> events = new ArrayList<>();
        sessions.forEach(s -> {
            events.add(new Instant[] {s.start(), Instant.EPOCH});
            events.add(new Instant[] {s.end(), null});
        });
        events.sort(Comparator.<Instant[], Instant>comparing(e -> e[0]).thenComparing(e -> e[1] != null));
        int current = 0;
        int peak = 0;
        for (Instant[] event : events) {
            current += event[1] == null ? -1 : 1;
            peak = Math.max(peak, current);
        }
        return peak;
    }
}
