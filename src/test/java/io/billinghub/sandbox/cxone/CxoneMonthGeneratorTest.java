package io.billinghub.sandbox.cxone;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CxoneMonthGeneratorTest {

    /** The default month: 2026-10, America/New_York, 300 users, seed 20261001. */
    private static final CxoneMonth MONTH = CxoneMonthGenerator.generateDefault();
    private static final List<CxoneReportLine> LINES = MONTH.lines();
    private static final Map<String, CxoneReportLine> BY_ID =
            LINES.stream().collect(Collectors.toMap(CxoneReportLine::lineId, Function.identity()));
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant WINDOW_START = Instant.parse("2026-10-01T04:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2026-11-01T03:59:59Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDefaultMonthIsPinned() {
        // Pinned from a run of this generator: any change to it changes the hub's CXone demo, so it must be
        // deliberate. The fingerprint is the SHA-256 of the lines' JSON, one line per row.
        assertThat(LINES).hasSize(30998);
        assertThat(sha256(LINES)).isEqualTo("bf54450f996594da50fc749992cf187baae7a54b1bbc7c30a18b5f42b18a576a");
        // First: IVR time of a call at 20:01 on 30 September in New York (a September line).
        assertThat(json(LINES.get(0))).isEqualTo("""
                {"lineId":"ln_bb395876df42","usageDate":"2026-10-01T00:01:05Z","userId":"usr_00027",\
                "userName":"supervisor.rivera","phoneNumber":"+14155558431","featureType":"IVR_MINUTES",\
                "direction":"INBOUND","durationSeconds":179,"costAmount":0.0597,"currencyCode":"USD",\
                "taxAmount":0.0048,"taxRate":0.08,"costCenterId":"cc_support_tier1","proratedFlag":false,\
                "creditMemoId":null}""");
        // Last: the probe call at 00:00:00 on 1 November in New York (a November line).
        assertThat(json(LINES.get(LINES.size() - 1))).isEqualTo("""
                {"lineId":"ln_eb0979866d99","usageDate":"2026-11-01T04:00:00Z","userId":"usr_00032",\
                "userName":"agent.torres","phoneNumber":"+12125556099","featureType":"VOICE_CALL",\
                "direction":"OUTBOUND","durationSeconds":509,"costAmount":0.9332,"currencyCode":"USD",\
                "taxAmount":0.0747,"taxRate":0.08,"costCenterId":"cc_support_tier1","proratedFlag":false,\
                "creditMemoId":null}""");
    }

    @Test
    void sameSettingsGiveTheSameLinesAndAnotherSeedOthers() {
        assertThat(CxoneMonthGenerator.generateDefault().lines()).isEqualTo(LINES);
        assertThat(CxoneMonthGenerator.generate(1L, YearMonth.of(2026, 10), NEW_YORK, 300, WorkingDays.standard())
                .lines()).isNotEqualTo(LINES);
    }

    @Test
    void linesAreSortedWithStableUniqueIds() {
        assertThat(LINES).isSortedAccordingTo(
                Comparator.comparing(CxoneReportLine::usageDate).thenComparing(CxoneReportLine::lineId));
        assertThat(LINES).extracting(CxoneReportLine::lineId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("ln_[0-9a-f]{12}"));
        assertThat(LINES).allMatch(line -> line.usageDate().getNano() == 0);
    }

    @Test
    void countsPerFeature() {
        // Credit-memo lines count with the feature they correct: 269 agents + 1 credit, 25 810 calls + 1 credit.
        assertThat(countBy(LINES, CxoneReportLine::featureType)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                CxoneFeatureType.VOICE_CALL, 25811L, CxoneFeatureType.IVR_MINUTES, 4586L,
                CxoneFeatureType.RECORDING_STORAGE, 300L, CxoneFeatureType.LICENSE_AGENT, 270L,
                CxoneFeatureType.LICENSE_SUPERVISOR, 31L)));
        // 128 lines fall outside the October window: 127 on the evening of 30 September in New York, one at the
        // first second of November.
        assertThat(MONTH.billingMonthLines()).hasSize(30870);
        assertThat(MONTH.windowStart()).isEqualTo(WINDOW_START);
        assertThat(MONTH.windowEnd()).isEqualTo(WINDOW_END);
    }

    @Test
    void threeHundredUsersOnSevenCostCentres() {
        List<CxoneReportLine> licences = LINES.stream()
                .filter(line -> line.featureType().isLicence() && !line.isCredit()).toList();
        // One licence line per user, per month.
        assertThat(licences).extracting(CxoneReportLine::userId).hasSize(300).doesNotHaveDuplicates();
        assertThat(countBy(licences, CxoneReportLine::costCenterId)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cc_marketing", 40L, "cc_support_tier1", 90L, "cc_support_tier2", 60L, "cc_sales", 50L,
                "cc_collections", 30L, "cc_ca_support", 26L, "cc_legacy_ops", 4L));
        // A tenth of each centre, rounded up, are supervisors: 4 + 9 + 6 + 5 + 3 + 3 + 1 = 31.
        assertThat(licences).filteredOn(line -> line.licenseType().equals("SUPERVISOR")).hasSize(31)
                .allMatch(line -> line.featureType() == CxoneFeatureType.LICENSE_SUPERVISOR
                        && line.userName().startsWith("supervisor."));
        // A user keeps one name, number and cost centre on all their lines.
        Map<String, Set<String>> identities = LINES.stream().collect(groupingBy(CxoneReportLine::userId,
                Collectors.mapping(line -> line.userName() + "|" + line.phoneNumber() + "|" + line.costCenterId(),
                        Collectors.toSet())));
        assertThat(identities).hasSize(300).allSatisfy((user, set) -> assertThat(set).hasSize(1));
        assertThat(LINES).allSatisfy(line -> {
            assertThat(line.userId()).matches("usr_[0-9]{5}");
            assertThat(line.userName()).matches("(agent|supervisor)\\.[a-z]+[0-9]*");
            assertThat(line.phoneNumber()).matches("\\+1[0-9]{10}");
        });
    }

    @Test
    void fullMonthLicencesChargeTheMonthlyPriceAtTheWindowStart() {
        List<CxoneReportLine> full = LINES.stream()
                .filter(line -> line.featureType().isLicence() && !line.isCredit() && !line.proratedFlag()).toList();
        assertThat(full).hasSize(288).allSatisfy(line -> {
            assertThat(line.usageDate()).isEqualTo(WINDOW_START);
            assertThat(line.serviceStart()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(line.serviceEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(line.costAmount()).isEqualByComparingTo(
                    CxoneMonthGenerator.LICENCE_PRICES.get(line.featureType()).get(line.currencyCode()));
            assertThat(line.durationSeconds()).isZero();
            assertThat(line.direction()).isNull();
        });
        assertThat(full).anyMatch(line -> line.costAmount().toPlainString().equals("95.0000")
                && line.currencyCode().equals("USD"));
        assertThat(full).anyMatch(line -> line.costAmount().toPlainString().equals("189.0000")
                && line.currencyCode().equals("CAD"));
    }

    @Test
    void twelveProratedLicencesAndOneBilledFiveCentsTooMuch() {
        List<CxoneReportLine> prorated = LINES.stream().filter(CxoneReportLine::proratedFlag).toList();
        assertThat(prorated).hasSize(12).allMatch(line -> line.featureType().isLicence() && !line.isCredit());
        // Expected = monthly price / 21 working days x active working days, rounded HALF_UP once; e.g.
        //   usr_00124 (CAD agent) 10-31 Oct: 14 days -> 128.25 x 14 / 21 = 85.50
        //   usr_00013 (USD supervisor) 16-31 Oct: 16, 19-23, 26-30 = 11 days -> 140 x 11 / 21 = 73.333 -> 73.33
        //   usr_00021 (USD supervisor) 1-14 Oct: 1-2, 5-9, 13-14 = 9 days -> 140 x 9 / 21 = 60.00
        //   usr_00167 (USD agent) 26-31 Oct: 5 days -> 95 x 5 / 21 = 22.619 -> 22.62, billed 22.67 (the override)
        WorkingDays days = WorkingDays.standard();
        List<BigDecimal> differences = prorated.stream().map(line -> {
            BigDecimal price = CxoneMonthGenerator.LICENCE_PRICES.get(line.featureType()).get(line.currencyCode());
            BigDecimal expected = price.multiply(BigDecimal.valueOf(days.count(line.serviceStart(),
                    line.serviceEnd()))).divide(BigDecimal.valueOf(21), 2, RoundingMode.HALF_UP);
            return line.costAmount().subtract(expected);
        }).toList();
        assertThat(differences).filteredOn(d -> d.signum() == 0).hasSize(11);
        assertThat(differences).filteredOn(d -> d.signum() != 0).singleElement()
                .satisfies(d -> assertThat(d).isEqualByComparingTo("0.05"));
        assertThat(amountOf("usr_00124")).isEqualTo("85.5000");
        assertThat(amountOf("usr_00013")).isEqualTo("73.3300");
        assertThat(amountOf("usr_00021")).isEqualTo("60.0000");
        assertThat(amountOf("usr_00167")).isEqualTo("22.6700");

        CxoneMonth.Features features = MONTH.features();
        assertThat(features.prorated()).hasSize(12)
                .extracting(CxoneMonth.ProratedLicence::lineId)
                .containsExactlyInAnyOrderElementsOf(prorated.stream().map(CxoneReportLine::lineId).toList());
        assertThat(features.prorated()).filteredOn(p -> p.difference().signum() != 0).singleElement()
                .satisfies(p -> {
                    assertThat(p.userId()).isEqualTo("usr_00167");
                    assertThat(p.lineId()).isEqualTo(features.wrongProrationLineId());
                    assertThat(p.expectedAmount()).isEqualByComparingTo("22.62");
                    assertThat(p.billedAmount()).isEqualByComparingTo("22.67");
                });
        // Six start mid-month (usageDate = local midnight of their first day), six leave (service from the 1st).
        assertThat(prorated).filteredOn(line -> line.serviceEnd().equals(LocalDate.of(2026, 10, 31))).hasSize(6)
                .allSatisfy(line -> assertThat(line.usageDate())
                        .isEqualTo(line.serviceStart().atStartOfDay(NEW_YORK).toInstant()));
        assertThat(prorated).filteredOn(line -> line.serviceStart().equals(LocalDate.of(2026, 10, 1))).hasSize(6);
        assertThat(prorated).anyMatch(line -> line.currencyCode().equals("CAD"))
                .anyMatch(line -> line.featureType() == CxoneFeatureType.LICENSE_SUPERVISOR);
    }

    @Test
    void proratedUsersOnlyCallWhileTheirServiceRuns() {
        for (CxoneReportLine licence : LINES.stream().filter(CxoneReportLine::proratedFlag).toList()) {
            boolean starter = licence.serviceEnd().equals(LocalDate.of(2026, 10, 31));
            assertThat(LINES).filteredOn(line -> line.userId().equals(licence.userId())
                            && line.featureType() == CxoneFeatureType.VOICE_CALL && !line.isCredit())
                    .isNotEmpty()
                    .allSatisfy(call -> {
                        LocalDate day = call.usageDate().atZone(NEW_YORK).toLocalDate();
                        assertThat(day).isBeforeOrEqualTo(licence.serviceEnd());
                        if (starter) {
                            assertThat(day).isAfterOrEqualTo(licence.serviceStart());
                        }
                    });
        }
    }

    @Test
    void callsIvrAndStorageArePricedPerSecond() {
        Map<String, BigDecimal> inbound = Map.of("USD", new BigDecimal("0.0950"), "CAD", new BigDecimal("0.1300"));
        Map<String, BigDecimal> outbound = Map.of("USD", new BigDecimal("0.1100"), "CAD", new BigDecimal("0.1500"));
        assertThat(LINES).filteredOn(line -> line.featureType() == CxoneFeatureType.VOICE_CALL && !line.isCredit())
                .allSatisfy(line -> {
                    assertThat(line.durationSeconds()).isBetween(10, 1800);
                    BigDecimal rate = (line.direction().equals("INBOUND") ? inbound : outbound)
                            .get(line.currencyCode());
                    assertThat(line.costAmount()).isEqualTo(perMinute(line.durationSeconds(), rate));
                });
        // e.g. 245 s inbound in USD: 245 x 0.0950 / 60 = 0.387916.. -> 0.3879.
        assertThat(perMinute(245, new BigDecimal("0.0950"))).isEqualTo("0.3879");
        assertThat(LINES).filteredOn(line -> line.featureType() == CxoneFeatureType.IVR_MINUTES)
                .allSatisfy(line -> {
                    assertThat(line.direction()).isEqualTo("INBOUND");
                    assertThat(line.durationSeconds()).isBetween(10, 300);
                    assertThat(line.costAmount()).isEqualTo(perMinute(line.durationSeconds(),
                            new BigDecimal(line.currencyCode().equals("USD") ? "0.0200" : "0.0275")));
                });
        // cc_sales only calls out, so it has no IVR time (the invoice's zero line).
        assertThat(LINES).filteredOn(line -> line.costCenterId().equals("cc_sales"))
                .noneMatch(line -> line.featureType() == CxoneFeatureType.IVR_MINUTES)
                .noneMatch(line -> "INBOUND".equals(line.direction()));
        // Storage: one line per user at noon in New York on 31 October, for the seconds recorded in October.
        List<CxoneReportLine> storage = LINES.stream()
                .filter(line -> line.featureType() == CxoneFeatureType.RECORDING_STORAGE).toList();
        assertThat(storage).extracting(CxoneReportLine::userId).hasSize(300).doesNotHaveDuplicates();
        assertThat(storage).allSatisfy(line -> {
            assertThat(line.usageDate()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
            int recorded = MONTH.billingMonthLines().stream()
                    .filter(call -> call.userId().equals(line.userId())
                            && call.featureType() == CxoneFeatureType.VOICE_CALL)
                    .mapToInt(CxoneReportLine::durationSeconds).sum();
            assertThat(line.durationSeconds()).isEqualTo(recorded);
            assertThat(line.costAmount()).isEqualTo(perMinute(recorded,
                    new BigDecimal(line.currencyCode().equals("USD") ? "0.0040" : "0.0055")));
        });
    }

    @Test
    void theCanadianCentreIsInCadAtThirteenPercent() {
        assertThat(LINES).filteredOn(line -> line.costCenterId().equals("cc_ca_support")).isNotEmpty()
                .allMatch(line -> line.currencyCode().equals("CAD") && line.taxRate().toPlainString().equals("0.13")
                        && line.phoneNumber().matches("\\+1(416|604)555[0-9]{4}"));
        assertThat(LINES).filteredOn(line -> !line.costCenterId().equals("cc_ca_support"))
                .allMatch(line -> line.currencyCode().equals("USD") && line.taxRate().toPlainString().equals("0.08"));
        assertThat(LINES.stream().filter(line -> line.currencyCode().equals("CAD")).count()).isEqualTo(2842);
    }

    @Test
    void taxesAreHalfUpExceptFiveRoundingQuirksAndThreeJurisdictionalOverrides() {
        List<CxoneReportLine> off = LINES.stream().filter(line -> !line.taxAmount().equals(
                line.costAmount().multiply(line.taxRate()).setScale(4, RoundingMode.HALF_UP))).toList();
        assertThat(off).hasSize(8);
        // Quirks: CAD lines whose exact tax is a tie at the 5th decimal, rounded HALF_EVEN: 0.0001 lower. E.g.
        // ln_21cbb29ac8e1: 0.4050 x 0.13 = 0.052650 -> HALF_UP 0.0527, HALF_EVEN 0.0526.
        List<CxoneReportLine> quirks = off.stream().filter(line -> line.currencyCode().equals("CAD")).toList();
        assertThat(quirks).hasSize(5).allSatisfy(line -> {
            assertThat(line.taxAmount()).isEqualTo(
                    line.costAmount().multiply(line.taxRate()).setScale(4, RoundingMode.HALF_EVEN));
            assertThat(line.costAmount().multiply(line.taxRate()).subtract(line.taxAmount()).abs())
                    .isLessThanOrEqualTo(new BigDecimal("0.0001"));
        });
        assertThat(BY_ID.get("ln_21cbb29ac8e1").costAmount()).isEqualTo("0.4050");
        assertThat(BY_ID.get("ln_21cbb29ac8e1").taxAmount()).isEqualTo("0.0526");
        assertThat(quirks).extracting(CxoneReportLine::lineId)
                .containsExactlyInAnyOrderElementsOf(MONTH.features().roundingQuirkLineIds());
        // Overrides: US calls of at least 1.00 taxed at 0.0875 though taxRate says 0.08. E.g. ln_09fcb60f5fa1:
        // 1.5580 x 0.08 = 0.1246 expected, 1.5580 x 0.0875 = 0.136325 -> 0.1363 charged.
        List<CxoneReportLine> overrides = off.stream().filter(line -> line.currencyCode().equals("USD")).toList();
        assertThat(overrides).hasSize(3).allSatisfy(line -> {
            assertThat(line.featureType()).isEqualTo(CxoneFeatureType.VOICE_CALL);
            assertThat(line.taxAmount()).isEqualTo(
                    line.costAmount().multiply(new BigDecimal("0.0875")).setScale(4, RoundingMode.HALF_UP));
            assertThat(line.taxAmount().subtract(line.costAmount().multiply(line.taxRate())))
                    .isGreaterThan(new BigDecimal("0.0070"));
            assertThat(line.within(WINDOW_START, WINDOW_END)).isTrue();
        });
        assertThat(BY_ID.get("ln_09fcb60f5fa1").costAmount()).isEqualTo("1.5580");
        assertThat(BY_ID.get("ln_09fcb60f5fa1").taxAmount()).isEqualTo("0.1363");
        assertThat(overrides).extracting(CxoneReportLine::lineId)
                .containsExactlyInAnyOrderElementsOf(MONTH.features().taxOverrideLineIds());
    }

    @Test
    void aCreditMemoOfTwoLinesCorrectsALicenceAndACall() {
        List<CxoneReportLine> credits = LINES.stream().filter(CxoneReportLine::isCredit).toList();
        assertThat(credits).hasSize(2).allSatisfy(credit -> {
            assertThat(credit.creditMemoId()).isEqualTo("CM-2026-10-001");
            assertThat(credit.proratedFlag()).isFalse();
            assertThat(credit.costAmount()).isNegative();
            assertThat(credit.taxAmount()).isNegative();
            assertThat(credit.costCenterId()).isNotEqualTo("cc_legacy_ops");
            assertThat(credit.usageDate()).isEqualTo(Instant.parse("2026-10-28T14:00:00Z"));
            CxoneReportLine corrected = BY_ID.get(credit.correctsLineId());
            assertThat(corrected).isNotNull();
            assertThat(corrected.isCredit()).isFalse();
            assertThat(credit.featureType()).isEqualTo(corrected.featureType());
            assertThat(credit.userId()).isEqualTo(corrected.userId());
            assertThat(credit.costCenterId()).isEqualTo(corrected.costCenterId());
            assertThat(credit.costAmount()).isEqualTo(corrected.costAmount().negate());
            assertThat(credit.taxAmount()).isEqualTo(corrected.taxAmount().negate());
        });
        assertThat(credits).extracting(CxoneReportLine::featureType)
                .containsExactlyInAnyOrder(CxoneFeatureType.LICENSE_AGENT, CxoneFeatureType.VOICE_CALL);
        assertThat(credits).extracting(CxoneReportLine::lineId)
                .containsExactlyInAnyOrderElementsOf(MONTH.features().creditMemoLineIds());
        // The licence credit refunds a full month: -95.0000, tax -7.6000.
        assertThat(credits).filteredOn(line -> line.featureType() == CxoneFeatureType.LICENSE_AGENT).singleElement()
                .satisfies(line -> {
                    assertThat(line.costAmount()).isEqualTo("-95.0000");
                    assertThat(line.taxAmount()).isEqualTo("-7.6000");
                });
        // Nothing else is negative or names a memo.
        assertThat(LINES).filteredOn(line -> !line.isCredit())
                .allMatch(line -> line.costAmount().signum() >= 0 && line.correctsLineId() == null);
    }

    @Test
    void legacyOpsHasUsageTheHubCannotMap() {
        assertThat(LINES).filteredOn(line -> line.costCenterId().equals("cc_legacy_ops"))
                .hasSize(442)
                .extracting(CxoneReportLine::featureType)
                .contains(CxoneFeatureType.VOICE_CALL, CxoneFeatureType.LICENSE_AGENT,
                        CxoneFeatureType.LICENSE_SUPERVISOR, CxoneFeatureType.RECORDING_STORAGE);
    }

    @Test
    void callsAroundTheMonthsEdgesInNewYorkTime() {
        // The lines start at 00:00Z on 1 October, which is 20:00 on 30 September in New York: those hours belong
        // to September and lie before the October window.
        assertThat(LINES.get(0).usageDate()).isAfterOrEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        List<CxoneReportLine> september = LINES.stream()
                .filter(line -> line.usageDate().isBefore(WINDOW_START)).toList();
        assertThat(september).hasSize(127).allSatisfy(line -> assertThat(line.usageDate().atZone(NEW_YORK)
                .toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 30)));
        // Evening calls of 31 October in New York are already 1 November in UTC, but belong to October.
        List<CxoneReportLine> lateOctober = LINES.stream()
                .filter(line -> !line.usageDate().isBefore(Instant.parse("2026-11-01T00:00:00Z"))
                        && !line.usageDate().isAfter(WINDOW_END)).toList();
        assertThat(lateOctober).hasSize(11).allSatisfy(line -> assertThat(line.usageDate().atZone(NEW_YORK)
                .toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 31)));
        // Probes at the edges: startDate - 1 s, 22:30 on 31 Oct (02:30Z), exactly endDate, endDate + 1 s.
        CxoneMonth.Features features = MONTH.features();
        assertThat(BY_ID.get(features.beforeWindowLineId()).usageDate())
                .isEqualTo(Instant.parse("2026-10-01T03:59:59Z"));
        assertThat(BY_ID.get(features.lateLastDayLineId()).usageDate())
                .isEqualTo(Instant.parse("2026-11-01T02:30:00Z"));
        assertThat(BY_ID.get(features.atWindowEndLineId()).usageDate()).isEqualTo(WINDOW_END);
        assertThat(BY_ID.get(features.afterWindowLineId()).usageDate())
                .isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(LINES.get(LINES.size() - 1).lineId()).isEqualTo(features.afterWindowLineId());
        // 294 licence lines (all but the six starters') sit exactly on startDate.
        assertThat(LINES).filteredOn(line -> line.usageDate().equals(WINDOW_START)).hasSize(294);
    }

    @Test
    void supportTierTwoHasUsageOnBothSidesOfItsGlChange() {
        List<LocalDate> days = LINES.stream()
                .filter(line -> line.costCenterId().equals("cc_support_tier2") && line.within(WINDOW_START, WINDOW_END))
                .map(line -> line.usageDate().atZone(NEW_YORK).toLocalDate()).toList();
        assertThat(days).anyMatch(day -> day.equals(LocalDate.of(2026, 10, 15)))
                .anyMatch(day -> day.equals(LocalDate.of(2026, 10, 16)))
                .anyMatch(day -> day.isBefore(LocalDate.of(2026, 10, 16)))
                .anyMatch(day -> day.isAfter(LocalDate.of(2026, 10, 15)));
    }

    @Test
    void linesHaveTheDocumentsJsonShape() {
        // A call: every field of the document, creditMemoId written as null, no licence fields.
        assertThat(json(BY_ID.get("ln_68d52a6f72b8"))).isEqualTo("""
                {"lineId":"ln_68d52a6f72b8","usageDate":"2026-11-01T02:30:00Z","userId":"usr_00188",\
                "userName":"agent.green","phoneNumber":"+12125553470","featureType":"VOICE_CALL",\
                "direction":"INBOUND","durationSeconds":118,"costAmount":0.1868,"currencyCode":"USD",\
                "taxAmount":0.0149,"taxRate":0.08,"costCenterId":"cc_support_tier2","proratedFlag":false,\
                "creditMemoId":null}""");
        // A prorated licence, with its service dates.
        assertThat(json(BY_ID.get("ln_a2dd63cf62a0"))).isEqualTo("""
                {"lineId":"ln_a2dd63cf62a0","usageDate":"2026-10-10T04:00:00Z","userId":"usr_00124",\
                "userName":"agent.nelson3","phoneNumber":"+16045554721","featureType":"LICENSE_AGENT",\
                "direction":null,"durationSeconds":0,"costAmount":85.5000,"currencyCode":"CAD",\
                "taxAmount":11.1150,"taxRate":0.13,"costCenterId":"cc_ca_support","proratedFlag":true,\
                "creditMemoId":null,"licenseType":"AGENT","serviceStart":"2026-10-10","serviceEnd":"2026-10-31"}""");
        // A credit-memo line naming the call it corrects.
        assertThat(json(BY_ID.get("ln_f8b94fad69a4"))).isEqualTo("""
                {"lineId":"ln_f8b94fad69a4","usageDate":"2026-10-28T14:00:00Z","userId":"usr_00049",\
                "userName":"supervisor.garcia","phoneNumber":"+12125552773","featureType":"VOICE_CALL",\
                "direction":"OUTBOUND","durationSeconds":0,"costAmount":-1.0615,"currencyCode":"USD",\
                "taxAmount":-0.0849,"taxRate":0.08,"costCenterId":"cc_sales","proratedFlag":false,\
                "creditMemoId":"CM-2026-10-001","correctsLineId":"ln_4f3779fb2ec1"}""");
    }

    @Test
    void smallerTenantsKeepEveryFeatureAndTinyOnesAreRefused() {
        CxoneMonth small = CxoneMonthGenerator.generate(7L, YearMonth.of(2026, 10), NEW_YORK, 50,
                WorkingDays.standard());
        assertThat(small.lines().stream().filter(line -> line.featureType().isLicence() && !line.isCredit()))
                .hasSize(50);
        assertThat(small.features().prorated()).hasSize(5);
        assertThat(small.features().creditMemoLineIds()).hasSize(2);
        assertThat(small.lines()).anyMatch(line -> line.costCenterId().equals("cc_legacy_ops"))
                .anyMatch(line -> line.currencyCode().equals("CAD"));
        assertThatThrownBy(() -> CxoneMonthGenerator.generate(7L, YearMonth.of(2026, 10), NEW_YORK, 49,
                WorkingDays.standard())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CxoneMonthGenerator.generate(7L, YearMonth.of(2026, 10), ZoneId.of("Europe/Paris"),
                300, WorkingDays.standard())).isInstanceOf(IllegalArgumentException.class);
    }

    private static String amountOf(String userId) {
        return LINES.stream().filter(line -> line.userId().equals(userId) && line.proratedFlag()).findFirst()
                .orElseThrow().costAmount().toPlainString();
    }

    private static BigDecimal perMinute(int seconds, BigDecimal rate) {
        return BigDecimal.valueOf(seconds).multiply(rate).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
    }

    private static <K extends Comparable<K>> Map<K, Long> countBy(List<CxoneReportLine> lines,
                                                                  Function<CxoneReportLine, K> key) {
        return lines.stream().collect(groupingBy(key, TreeMap::new, counting()));
    }

    static String json(CxoneReportLine line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(List<CxoneReportLine> lines) {
        String canonical = lines.stream().map(CxoneMonthGeneratorTest::json).collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
