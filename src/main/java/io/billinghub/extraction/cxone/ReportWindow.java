package io.billinghub.extraction.cxone;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The usage report window of one invoice billing period: the calendar month in the invoice's reporting time zone
 * (DST-correct), as UTC instants [start, end). The API's endDate is inclusive at second resolution, so it is sent
 * as end − 1 s; consecutive months therefore never overlap and leave no gap.
 */
public record ReportWindow(String tenantId, YearMonth period, Instant start, Instant end) {

    public static ReportWindow of(String tenantId, YearMonth period, ZoneId reportingZone) {
        return new ReportWindow(tenantId, period, period.atDay(1).atStartOfDay(reportingZone).toInstant(),
                period.plusMonths(1).atDay(1).atStartOfDay(reportingZone).toInstant());
    }

    /** The report request's endDate: the last second of the window. */
    public Instant inclusiveEnd() {
        return end.minusSeconds(1);
    }
}
