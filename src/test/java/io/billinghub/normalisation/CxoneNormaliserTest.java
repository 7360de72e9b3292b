package io.billinghub.normalisation;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.calendar.BusinessCalendar;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.extraction.cxone.CxoneProperties.GlAmountBasis;
import io.billinghub.extraction.cxone.CxoneUsageLine;
import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.ledger.LedgerReferenceData;
import io.billinghub.referencedata.ledger.LedgerRows;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CxoneNormaliserTest {

    private static EffectivePeriod period(String from, String to) {
        return new EffectivePeriod(LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    private static final LedgerReferenceData LEDGER = new LedgerReferenceData(
            List.of(new LedgerRows.GlAccount("6020-1200", "Support"), new LedgerRows.GlAccount("6020-1300", "Tier 2")),
            List.of(new LedgerRows.CostCentreMapping(2, "cc_t2", "6020-1200", "Support T2", period("2023-01-01",
                            "2026-10-15")),
                    new LedgerRows.CostCentreMapping(3, "cc_t2", "6020-1300", "Support T2",
                            period("2026-10-16", null))),
            List.of(new LedgerRows.PhonePrefixRule(2, "1212", "Northeast", new BigDecimal("1.05"),
                    period("2023-01-01", null))),
            List.of(new LedgerRows.FxRate(2, "CAD", new BigDecimal("0.7310"), period("2026-01-01", "2026-10-15")),
                    new LedgerRows.FxRate(3, "CAD", new BigDecimal("0.7285"), period("2026-10-16", null))),
            List.of(new LedgerRows.LicencePrice(2, "LICENSE_AGENT", "USD", new BigDecimal("95.00"),
                    period("2026-01-01", null))),
            List.of(new LedgerRows.Holiday(LocalDate.parse("2026-10-12"), "Columbus Day")));

    private static CxoneNormaliser normaliser(GlAmountBasis basis) {
        return normaliser(basis, "0.01");
    }

    private static CxoneNormaliser normaliser(GlAmountBasis basis, String prorationTolerance) {
        return new CxoneNormaliser(new CxoneNormaliser.Settings(ZoneId.of("America/New_York"), basis, "USD",
                new BigDecimal("0.00005"), new BigDecimal(prorationTolerance), "9999-0000", "Unallocated"), LEDGER,
                new BusinessCalendar(Set.of(LocalDate.parse("2026-10-12"))), 42L);
    }

    private static CxoneUsageLine licence(String id, String cost, String serviceEnd) {
        return new CxoneUsageLine(id, "acme", "r1", Instant.parse("2026-10-19T13:00:00Z"), "u2", "agent.new", null,
                "LICENSE_AGENT", null, null, new BigDecimal(cost), "USD", BigDecimal.ZERO, null, "cc_t2", true, null,
                null, "AGENT", LocalDate.parse("2026-10-19"), LocalDate.parse(serviceEnd), "{}");
    }

    private static CxoneUsageLine line(String id, String usageDate, String cost, String currency, String tax,
                                       String rate, String costCentre) {
        return new CxoneUsageLine(id, "acme", "r1", Instant.parse(usageDate), "u1", "agent.one", "+12125550199",
                "VOICE_CALL", "INBOUND", 245, new BigDecimal(cost), currency, new BigDecimal(tax),
                rate == null ? null : new BigDecimal(rate), costCentre, false, null, null, null, null, null, "{}");
    }

    @Test
    void aCallAcrossMidnightUtcBelongsToTheMonthOfTheReportingZone() {
        // 2026-11-01T02:30Z is 22:30 on 31 October in New York (EDT, UTC-4)
        NormalisedLine n = normaliser(GlAmountBasis.PRE_TAX)
                .normalise(line("l1", "2026-11-01T02:30:00Z", "0.42", "USD", "0.0336", "0.08", "cc_t2")).line();
        assertThat(n.localDate()).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(n.period()).isEqualTo(YearMonth.of(2026, 10));
        // the mapping in force on the 31st (local) is the one from the 16th on
        assertThat(n.glAccount()).isEqualTo("6020-1300");
    }

    @Test
    void theMappingInForceOnTheUsageDateApplies() {
        NormalisedLine before = normaliser(GlAmountBasis.PRE_TAX)
                .normalise(line("l1", "2026-10-15T20:00:00Z", "1.00", "USD", "0.08", "0.08", "cc_t2")).line();
        NormalisedLine after = normaliser(GlAmountBasis.PRE_TAX)
                .normalise(line("l2", "2026-10-16T20:00:00Z", "1.00", "USD", "0.08", "0.08", "cc_t2")).line();
        assertThat(before.glAccount()).isEqualTo("6020-1200");
        assertThat(after.glAccount()).isEqualTo("6020-1300");
    }

    @Test
    void amountsAreConvertedAtTheRateOfTheUsageDateOnOneTaxBasis() {
        // 10.00 CAD on 15 Oct × 0.7310 = 7.31 USD; tax 1.30 × 0.7310 = 0.9503
        CxoneNormaliser.Result pre = normaliser(GlAmountBasis.PRE_TAX)
                .normalise(line("l1", "2026-10-15T15:00:00Z", "10.00", "CAD", "1.30", "0.13", "cc_t2"));
        assertThat(pre.line().costBase()).isEqualByComparingTo("7.31");
        assertThat(pre.line().taxBase()).isEqualByComparingTo("0.9503");
        assertThat(pre.line().glAmount()).isEqualByComparingTo("7.31");
        // post-tax: 7.31 + 0.9503 = 8.2603 (never both: the GL amount is one of them)
        assertThat(normaliser(GlAmountBasis.POST_TAX)
                .normalise(line("l1", "2026-10-15T15:00:00Z", "10.00", "CAD", "1.30", "0.13", "cc_t2")).line()
                .glAmount()).isEqualByComparingTo("8.2603");
        // the same on the 16th: × 0.7285 = 7.285
        assertThat(normaliser(GlAmountBasis.PRE_TAX)
                .normalise(line("l1", "2026-10-16T15:00:00Z", "10.00", "CAD", "1.30", "0.13", "cc_t2")).line()
                .costBase()).isEqualByComparingTo("7.285");
        // +1212 carries the Northeast markup: chargeback 7.31 × 1.05 = 7.6755
        assertThat(pre.line().chargebackAmount()).isEqualByComparingTo("7.6755");
        assertThat(pre.line().region()).isEqualTo("Northeast");
    }

    @Test
    void aCurrencyWithoutARateCannotBeNormalised() {
        CxoneNormaliser.Result result = normaliser(GlAmountBasis.PRE_TAX)
                .normalise(line("l1", "2026-10-15T15:00:00Z", "10.00", "EUR", "0", null, "cc_t2"));
        assertThat(result.line()).isNull();
        assertThat(result.rejection()).isEqualTo("no FX rate for EUR on 2026-10-15 in fx-rates.csv");
    }

    @Test
    void taxIsFlaggedOnlyBeyondRounding() {
        // 0.42 × 0.08 = 0.0336: exact
        assertThat(normaliser(GlAmountBasis.PRE_TAX).normalise(line("a", "2026-10-15T15:00:00Z", "0.42", "USD",
                "0.0336", "0.08", "cc_t2")).findings()).isEmpty();
        // 0.4206 × 0.08 = 0.033648: 0.0336 (HALF_EVEN and HALF_UP agree) differs by 0.000048 <= 0.00005
        assertThat(normaliser(GlAmountBasis.PRE_TAX).normalise(line("b", "2026-10-15T15:00:00Z", "0.4206", "USD",
                "0.0336", "0.08", "cc_t2")).findings()).isEmpty();
        // a jurisdictional override: 0.42 × 0.0875 = 0.03675 written as 0.0368, 0.0032 above 0.0336
        CxoneNormaliser.Result override = normaliser(GlAmountBasis.PRE_TAX).normalise(line("c",
                "2026-10-15T15:00:00Z", "0.42", "USD", "0.0368", "0.08", "cc_t2"));
        assertThat(override.findings()).singleElement().extracting(Finding::type)
                .isEqualTo(ExceptionType.CXONE_TAX_MISMATCH);
        assertThat(override.line().taxMismatch()).isTrue();
    }

    @Test
    void aTaxAmountWithoutARateToCheckItAgainstIsFlagged() {
        CxoneNormaliser.Result result = normaliser(GlAmountBasis.PRE_TAX).normalise(line("d",
                "2026-10-15T15:00:00Z", "0.42", "USD", "0.05", null, "cc_t2"));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(ExceptionType.CXONE_TAX_MISMATCH);
            assertThat(f.reason()).isEqualTo("line d has taxAmount 0.05 but no taxRate to check it against");
        });
        assertThat(result.line().taxMismatch()).isTrue();
    }

    @Test
    void anUnmappedCostCentreGoesToTheUnallocatedBucket() {
        NormalisedLine n = normaliser(GlAmountBasis.PRE_TAX)
                .normalise(line("l1", "2026-10-15T15:00:00Z", "2.00", "USD", "0.16", "0.08", "cc_legacy")).line();
        assertThat(n.mapped()).isFalse();
        assertThat(n.glAccount()).isEqualTo("9999-0000");
        assertThat(n.department()).isEqualTo("Unallocated");
        assertThat(n.glAmount()).isEqualByComparingTo("2.00");
    }

    @Test
    void aProratedLicenceIsCheckedAgainstWorkingDays() {
        // October 2026: 22 weekdays minus Columbus Day = 21 working days. Active Mon 19 .. Sat 31 Oct: 19-23 and
        // 26-30 = 10 working days. Expected 95.00 / 21 × 10 = 45.238… → 45.24
        CxoneUsageLine exact = new CxoneUsageLine("p1", "acme", "r1", Instant.parse("2026-10-19T13:00:00Z"), "u2",
                "agent.new", null, "LICENSE_AGENT", null, null, new BigDecimal("45.24"), "USD", BigDecimal.ZERO,
                null, "cc_t2", true, null, null, "AGENT", LocalDate.parse("2026-10-19"), LocalDate.parse("2026-10-31"),
                "{}");
        CxoneNormaliser.Result ok = normaliser(GlAmountBasis.PRE_TAX).normalise(exact);
        assertThat(ok.findings()).isEmpty();
        assertThat(ok.line().proratedExpected()).isEqualByComparingTo("45.24");
        // 0.05 more than expected is more than 0.01: flagged for finance
        CxoneUsageLine off = new CxoneUsageLine("p2", "acme", "r1", Instant.parse("2026-10-19T13:00:00Z"), "u3",
                "agent.newer", null, "LICENSE_AGENT", null, null, new BigDecimal("45.29"), "USD", BigDecimal.ZERO,
                null, "cc_t2", true, null, null, "AGENT", LocalDate.parse("2026-10-19"), LocalDate.parse("2026-10-31"),
                "{}");
        assertThat(normaliser(GlAmountBasis.PRE_TAX).normalise(off).findings()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(ExceptionType.CXONE_PRORATION_MISMATCH);
            assertThat(f.context()).containsEntry("expected", "45.24").containsEntry("activeWorkingDays", 10)
                    .containsEntry("workingDaysInMonth", 21).containsEntry("monthlyCost", "95.00");
            assertThat(f.reason()).isEqualTo("prorated licence p2 of agent.newer is 45.29 but 95.00 / 21 working"
                    + " days × 10 active = 45.24 (difference 0.05)");
        });
    }

    @Test
    void theProrationToleranceIsTheConfiguredOneAndTheServicePeriodEndsWithTheMonth() {
        // 45.29 is 0.05 above the expected 45.24: flagged at 0.01, within a tolerance of 0.05
        assertThat(normaliser(GlAmountBasis.PRE_TAX, "0.05").normalise(licence("p3", "45.29", "2026-10-31"))
                .findings()).isEmpty();
        // a service period running into November is charged for October's part: 19-31 Oct, 10 working days
        CxoneNormaliser.Result spanning = normaliser(GlAmountBasis.PRE_TAX)
                .normalise(licence("p4", "45.24", "2026-11-15"));
        assertThat(spanning.findings()).isEmpty();
        assertThat(spanning.line().proratedExpected()).isEqualByComparingTo("45.24");
        // a service period ending before it starts cannot be checked: a case, not a crash
        assertThat(normaliser(GlAmountBasis.PRE_TAX).normalise(licence("p5", "45.24", "2026-10-01")).findings())
                .singleElement().extracting(Finding::reason).isEqualTo("prorated line p5 cannot be checked: its"
                        + " service period ends (2026-10-01) before it starts (2026-10-19)");
    }
}
