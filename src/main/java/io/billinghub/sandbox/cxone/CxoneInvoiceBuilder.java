package io.billinghub.sandbox.cxone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a month's CXone invoice from its usage lines, as the vendor's billing does, then plants the discrepancies
 * the hub's reconciliation must find.
 *
 * <p><b>Lines.</b> The usage lines of the billing month in the reporting time zone (startDate <= usageDate <=
 * endDate, see {@link CxoneMonth#windowStart(YearMonth, ZoneId)}), credit-memo and prorated lines included, grouped
 * by featureType × costCenterId (cc_legacy_ops included). Per group, amount = Σ costAmount and taxAmount =
 * Σ taxAmount, each line converted to USD at the {@link CxoneFxRates} rate in force on the LAST day of the period
 * (CAD 0.7285 for 2026-10), then rounded HALF_UP to 2 decimals. Lines are ordered by featureType
 * ({@link CxoneFeatureType} order) then costCenterId, numbered from 1. The totals are the sums of the invoice's
 * (final) lines.
 *
 * <p><b>Deliberate discrepancies</b> ({@link Discrepancies#DEMO}), each on a different group:
 * <ul>
 *   <li>{@link #OVERBILLED} VOICE_CALL × cc_sales: amount = round2(usage amount × 1.0075), 0.75 % too high: an
 *       EXCEPTION over the hub's 0.5 % tolerance (its taxAmount is left as computed);</li>
 *   <li>{@link #DRIFTED} LICENSE_AGENT × cc_support_tier1: amount 0.01 too high, a ROUNDING_DRIFT within
 *       tolerance;</li>
 *   <li>{@link #ZERO} IVR_MINUTES × cc_sales: a line of amount 0.00 and taxAmount 0.00 with no usage behind it
 *       (cc_sales only calls out, so it never has IVR time).</li>
 * </ul>
 * A discrepancy whose group the usage does not have (the first two) or does have (the zero line) is left out.
 */
public final class CxoneInvoiceBuilder {

    /** An invoice group. */
    public record GroupKey(CxoneFeatureType featureType, String costCenterId) {
    }

    /** A group's amount and tax. */
    public record Amounts(BigDecimal amount, BigDecimal taxAmount) {
        Amounts plus(Amounts other) {
            return new Amounts(amount.add(other.amount), taxAmount.add(other.taxAmount));
        }
    }

    /** Which groups carry the deliberate discrepancies; null = none of that kind. */
    public record Discrepancies(GroupKey overbilled, GroupKey drifted, GroupKey zero) {
        public static final Discrepancies NONE = new Discrepancies(null, null, null);
        public static final Discrepancies DEMO = new Discrepancies(OVERBILLED, DRIFTED, ZERO);
    }

    public static final GroupKey OVERBILLED = new GroupKey(CxoneFeatureType.VOICE_CALL, "cc_sales");
    public static final GroupKey DRIFTED = new GroupKey(CxoneFeatureType.LICENSE_AGENT, "cc_support_tier1");
    public static final GroupKey ZERO = new GroupKey(CxoneFeatureType.IVR_MINUTES, "cc_sales");
    public static final BigDecimal OVERBILLING_FACTOR = new BigDecimal("1.0075");
    public static final BigDecimal DRIFT = new BigDecimal("0.01");

    private static final Comparator<GroupKey> ORDER =
            Comparator.comparing(GroupKey::featureType).thenComparing(GroupKey::costCenterId);
    private static final int ISSUED_ON_WORKING_DAY = 5;
    /** Matches no group (a TreeMap cannot look up null). */
    private static final GroupKey NO_GROUP = new GroupKey(CxoneFeatureType.VOICE_CALL, "");

    private final ZoneId zone;
    private final CxoneFxRates fxRates;
    private final WorkingDays workingDays;
    private final Discrepancies discrepancies;

    public CxoneInvoiceBuilder(ZoneId zone, CxoneFxRates fxRates, WorkingDays workingDays,
                               Discrepancies discrepancies) {
        this.zone = zone;
        this.fxRates = fxRates;
        this.workingDays = workingDays;
        this.discrepancies = discrepancies;
    }

    /** The sandbox's invoices: standard FX rates and calendar, with the demo discrepancies. */
    public static CxoneInvoiceBuilder standard(ZoneId zone) {
        return new CxoneInvoiceBuilder(zone, CxoneFxRates.standard(), WorkingDays.standard(), Discrepancies.DEMO);
    }

    /** The usage's true totals per group in USD (2 decimals), before any discrepancy, in invoice order. */
    public Map<GroupKey, Amounts> usageTotals(YearMonth period, List<CxoneReportLine> lines) {
        Instant start = CxoneMonth.windowStart(period, zone);
        Instant end = CxoneMonth.windowEnd(period, zone);
        LocalDate rateDay = period.atEndOfMonth();
        Map<GroupKey, Amounts> sums = new TreeMap<>(ORDER);
        for (CxoneReportLine line : lines) {
            if (line.within(start, end)) {
                BigDecimal rate = fxRates.rateOn(line.currencyCode(), rateDay);
                sums.merge(new GroupKey(line.featureType(), line.costCenterId()),
                        new Amounts(line.costAmount().multiply(rate), line.taxAmount().multiply(rate)),
                        Amounts::plus);
            }
        }
        sums.replaceAll((key, sum) -> new Amounts(sum.amount().setScale(2, RoundingMode.HALF_UP),
                sum.taxAmount().setScale(2, RoundingMode.HALF_UP)));
        return sums;
    }

    public CxoneSandboxInvoice build(YearMonth period, List<CxoneReportLine> lines) {
        Map<GroupKey, Amounts> groups = usageTotals(period, lines);
        groups.computeIfPresent(discrepancies.overbilled() == null ? NO_GROUP : discrepancies.overbilled(),
                (key, sum) -> new Amounts(sum.amount().multiply(OVERBILLING_FACTOR)
                        .setScale(2, RoundingMode.HALF_UP), sum.taxAmount()));
        groups.computeIfPresent(discrepancies.drifted() == null ? NO_GROUP : discrepancies.drifted(),
                (key, sum) -> new Amounts(sum.amount().add(DRIFT), sum.taxAmount()));
        if (discrepancies.zero() != null) {
            groups.putIfAbsent(discrepancies.zero(), new Amounts(zero(), zero()));
        }
        List<CxoneSandboxInvoice.Line> invoiceLines = new ArrayList<>();
        BigDecimal totalAmount = zero();
        BigDecimal totalTax = zero();
        for (Map.Entry<GroupKey, Amounts> group : groups.entrySet()) {
            invoiceLines.add(new CxoneSandboxInvoice.Line(invoiceLines.size() + 1, group.getKey().featureType(),
                    group.getKey().costCenterId(), group.getValue().amount(), group.getValue().taxAmount()));
            totalAmount = totalAmount.add(group.getValue().amount());
            totalTax = totalTax.add(group.getValue().taxAmount());
        }
        return new CxoneSandboxInvoice("INV-CX-" + period, period, "FINAL", zone.getId(), CxoneMonthGenerator.USD,
                issuedAt(period), CxoneMonth.windowStart(period, zone), CxoneMonth.windowEnd(period, zone),
                invoiceLines, totalAmount, totalTax);
    }

    /** 09:00 local on the 5th working day of the next month, after CXone's end-of-month finalisation. */
    public Instant issuedAt(YearMonth period) {
        return workingDays.nthWorkingDay(period.plusMonths(1), ISSUED_ON_WORKING_DAY).atTime(LocalTime.of(9, 0))
                .atZone(zone).toInstant();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
