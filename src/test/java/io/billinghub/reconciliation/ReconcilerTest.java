package io.billinghub.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.exceptions.ExceptionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final LocalDate DAY = LocalDate.parse("2026-10-15");
    private final Reconciler reconciler = new Reconciler(new BigDecimal("0.01"), BigDecimal.ONE);
    private long lineIds;

    private static InternalLeg leg(String id, String carrier, String minutes, String cost) {
        return new InternalLeg(id, carrier, DAY, "CARRIER", new BigDecimal(minutes),
                cost == null ? null : new BigDecimal(cost));
    }

    /** A carrier leg of one minute, rated 0.01, on another day than DAY. */
    private static InternalLeg legOn(LocalDate day, String id, String carrier) {
        return new InternalLeg(id, carrier, day, "CARRIER", BigDecimal.ONE, new BigDecimal("0.01"));
    }

    private BilledLine line(String carrier, String ref, LocalDate day, String minutes, String charge) {
        long id = ++lineIds;
        return new BilledLine(id, 7, carrier, "INV-1", "inv.csv", "line " + (id + 1), ref, day, new BigDecimal(minutes),
                new BigDecimal(charge));
    }

    @Test
    void tolerancesAreStrictlyGreaterThan() {
        // charge delta exactly 0.01 and minute delta exactly 1 are within tolerance; 0.0101 and 1.01 are not
        Reconciler.Result result = reconciler.reconcile(Set.of(DAY),
                List.of(leg("a", "BW", "2.0", "0.0200"), leg("b", "BW", "2.0", "0.0200")),
                List.of(line("BW", "a", DAY, "3.0", "0.0300"), line("BW", "b", DAY, "3.01", "0.0301")));
        assertThat(result.discrepancies()).extracting(Discrepancy::type, Discrepancy::legId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ExceptionType.RECON_CHARGE_DELTA, "b"),
                org.assertj.core.groups.Tuple.tuple(ExceptionType.RECON_MINUTE_DELTA, "b"));
        assertThat(result.summaries()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("DISCREPANCIES");
            assertThat(s.matchedLines()).isEqualTo(2);
            assertThat(s.internalCost()).isEqualByComparingTo("0.0400");
            assertThat(s.invoiceCharge()).isEqualByComparingTo("0.0601");
            assertThat(s.invoiceCharge().subtract(s.internalCost())).isEqualByComparingTo("0.0201");
        });
    }

    @Test
    void oneSidedLegsAndLines() {
        Reconciler.Result result = reconciler.reconcile(Set.of(DAY),
                List.of(leg("a", "BW", "1", "0.01"), leg("missing", "BW", "1", "0.01"),
                        leg("fallback", "TW", "2", "0.03"), leg("unrated", "BW", "1", null),
                        leg("quiet", "SN", "4", "0.08")),
                List.of(line("BW", "a", DAY, "1", "0.01"), line("BW", "a", DAY, "1", "0.01"),
                        line("BW", "ghost", DAY, "1", "0.01"), line("BW", "fallback", DAY, "2", "0.02")));
        assertThat(result.discrepancies()).extracting(d -> d.type() + " " + d.carrierName() + " " + d.legId())
                .containsExactly(
                        // the same leg billed twice
                        "RECON_DUPLICATE_BILLING BW a",
                        // a line for a leg the platform never reported
                        "RECON_NOT_IN_USAGE BW ghost",
                        // the carrier bills a leg the usage says went through another carrier (fallback)
                        "RECON_NOT_IN_USAGE BW fallback",
                        // a rated leg of a carrier that billed the day, left off its invoice
                        "RECON_MISSING_ON_INVOICE BW missing",
                        // Sinch billed nothing for the day at all: one case for the day
                        "RECON_NO_INVOICE SN null",
                        // Twilio billed nothing either; its leg was billed by BW instead
                        "RECON_NO_INVOICE TW null");
        // the unrated leg is already an UNRATED_LEG case, so it is not also "missing"
        assertThat(result.discrepancies()).noneMatch(d -> "unrated".equals(d.legId()));
    }

    @Test
    void aLineForALegOfAnotherDayIsLeftToThatDay() {
        InternalLeg earlier = legOn(DAY.minusDays(1), "e", "BW");
        BilledLine line = line("BW", "e", DAY, "1", "0.01");
        Reconciler.Result result = reconciler.reconcile(Set.of(DAY), List.of(earlier), List.of(line));
        assertThat(result.discrepancies()).isEmpty();
        assertThat(result.summaries()).isEmpty();
        // the line is reported as owed to the day before, for the service to reconcile that day with it
        assertThat(result.linesOfOtherDays()).isEqualTo(Map.of(DAY.minusDays(1), List.of(line)));
    }

    @Test
    void aLineBillingAnotherCarriersLegOfAnotherDayIsAFindingOfItsOwnDay() {
        // leg "t" went through TW the day before; BW bills it on DAY: not BW's usage, found on the line's day
        InternalLeg theirs = legOn(DAY.minusDays(1), "t", "TW");
        Reconciler.Result result = reconciler.reconcile(Set.of(DAY), List.of(theirs),
                List.of(line("BW", "t", DAY, "1", "0.02")));
        assertThat(result.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ExceptionType.RECON_NOT_IN_USAGE);
            assertThat(d.utcDay()).isEqualTo(DAY);
            assertThat(d.message()).endsWith("usage says leg t went through TW, not BW");
        });
        assertThat(result.summaries()).singleElement().satisfies(s -> {
            assertThat(s.utcDay()).isEqualTo(DAY);
            assertThat(s.notInUsage()).isEqualTo(1);
            assertThat(s.invoiceCharge()).isEqualByComparingTo("0.02");
        });
    }

    @Test
    void aBilledNonCarrierLegIsNotInUsage() {
        InternalLeg monitor = new InternalLeg("m", "BW", DAY, "MONITOR", BigDecimal.ZERO, null);
        Reconciler.Result result = reconciler.reconcile(Set.of(DAY), List.of(monitor),
                List.of(line("BW", "m", DAY, "1", "0.01")));
        assertThat(result.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(ExceptionType.RECON_NOT_IN_USAGE);
            assertThat(d.message()).contains("is a MONITOR leg");
        });
    }

    @Test
    void aLineBillsItsOwnDayEvenWhenItsLegLiesOnTheNext() {
        LocalDate next = DAY.plusDays(1);
        List<InternalLeg> legs = List.of(leg("a", "BW", "1", "0.01"),
                legOn(next, "n", "BW"));
        BilledLine line = line("BW", "n", DAY, "1", "0.01");
        List<BilledLine> lines = List.of(line);
        // Bandwidth billed something dated DAY, so its leg a there is missing, not a day without invoice; the
        // line itself is matched on the leg's day
        Reconciler.Result together = reconciler.reconcile(Set.of(DAY, next), legs, lines);
        assertThat(together.discrepancies()).extracting(d -> d.type() + " " + d.utcDay() + " " + d.legId())
                .containsExactly("RECON_MISSING_ON_INVOICE 2026-10-15 a");
        assertThat(together.summaries()).extracting(s -> s.utcDay() + " " + s.invoiceNumber() + " " + s.status())
                .containsExactly("2026-10-15 (none) UNBILLED_LEGS", "2026-10-16 INV-1 MATCHED");

        // a day at a time, as the service reconciles: the same findings and summaries
        Reconciler.Result first = reconciler.reconcile(Set.of(DAY), legs, lines);
        Reconciler.Result second = reconciler.reconcile(Set.of(next), legs, lines);
        assertThat(Stream.concat(first.discrepancies().stream(), second.discrepancies().stream()).toList())
                .isEqualTo(together.discrepancies());
        assertThat(Stream.concat(first.summaries().stream(), second.summaries().stream()).toList())
                .isEqualTo(together.summaries());
        // only DAY's pass alone leaves the line to another day: the next, where its leg lies
        assertThat(together.linesOfOtherDays()).isEmpty();
        assertThat(first.linesOfOtherDays()).isEqualTo(Map.of(next, List.of(line)));
        assertThat(second.linesOfOtherDays()).isEmpty();
    }
}
