package io.billinghub.sandbox.cxone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A generated month of CXone usage for one synthetic tenant: every line from the start of the UTC month (which is
 * still the previous month in the reporting time zone) to the first second of the next month in the reporting
 * zone, sorted by usageDate then lineId, plus a record of the deliberate features so tests and the demo can name
 * them.
 *
 * @param period   the billing month
 * @param zone     the reporting time zone: the billing month is a local month there
 * @param lines    the lines, sorted by usageDate then lineId
 * @param features which lines carry which deliberate feature
 */
public record CxoneMonth(YearMonth period, ZoneId zone, List<CxoneReportLine> lines, Features features) {

    /** A licence line with a prorated charge, and what it should cost. */
    public record ProratedLicence(String userId, String lineId, CxoneFeatureType featureType, String currencyCode,
                                  String costCenterId, LocalDate serviceStart, LocalDate serviceEnd,
                                  int activeWorkingDays, int workingDaysInMonth, BigDecimal monthlyPrice,
                                  BigDecimal expectedAmount, BigDecimal billedAmount) {
        /** billed - expected: 0.00 except on the one "regional licensing override" (+0.05). */
        public BigDecimal difference() {
            return billedAmount.subtract(expectedAmount);
        }
    }

    /**
     * @param prorated             the prorated licence lines (mid-month starters and leavers)
     * @param wrongProrationLineId the prorated line billed 0.05 above monthly price / working days × active days
     * @param roundingQuirkLineIds lines whose taxAmount is rounded HALF_EVEN (0.0001 below HALF_UP)
     * @param taxOverrideLineIds   lines whose taxAmount was computed at 0.0875, not at their taxRate 0.08
     * @param creditMemoId         the credit memo's id
     * @param creditMemoLineIds    its lines (negative amounts), each naming the line it corrects
     * @param beforeWindowLineId   a call at startDate - 1 s (the previous month's last second, local time)
     * @param lateLastDayLineId    a call at 22:30 local on the month's last day (already the next UTC day)
     * @param atWindowEndLineId    a call at exactly endDate (23:59:59 local on the last day)
     * @param afterWindowLineId    a call at endDate + 1 s (00:00:00 local on the next month's first day)
     */
    public record Features(List<ProratedLicence> prorated, String wrongProrationLineId,
                           List<String> roundingQuirkLineIds, List<String> taxOverrideLineIds, String creditMemoId,
                           List<String> creditMemoLineIds, String beforeWindowLineId, String lateLastDayLineId,
                           String atWindowEndLineId, String afterWindowLineId) {
    }

    public CxoneMonth {
        lines = List.copyOf(lines);
    }

    /** A month read from a file: its lines only, no deliberate features recorded. */
    public static CxoneMonth fromLines(YearMonth period, ZoneId zone, List<CxoneReportLine> lines) {
        List<CxoneReportLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(CxoneReportLine::usageDate).thenComparing(CxoneReportLine::lineId));
        return new CxoneMonth(period, zone, sorted, new Features(List.of(), null, List.of(), List.of(), null,
                List.of(), null, null, null, null));
    }

    /** The report window of the billing month: startDate, the local month's first second, as an instant. */
    public Instant windowStart() {
        return windowStart(period, zone);
    }

    /** The report window's endDate (inclusive): the local month's last second, as an instant. */
    public Instant windowEnd() {
        return windowEnd(period, zone);
    }

    /** Lines with startDate <= usageDate <= endDate. */
    public List<CxoneReportLine> between(Instant startDate, Instant endDate) {
        return lines.stream().filter(line -> line.within(startDate, endDate)).toList();
    }

    /** The lines of the billing month in the reporting time zone. */
    public List<CxoneReportLine> billingMonthLines() {
        return between(windowStart(), windowEnd());
    }

    public static Instant windowStart(YearMonth period, ZoneId zone) {
        return period.atDay(1).atStartOfDay(zone).toInstant();
    }

    public static Instant windowEnd(YearMonth period, ZoneId zone) {
        return period.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }
}
