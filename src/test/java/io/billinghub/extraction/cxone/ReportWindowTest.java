package io.billinghub.extraction.cxone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportWindowTest {

    @Test
    void theReportWindowIsTheInvoiceMonthInItsTimeZone() {
        ReportWindow october = ReportWindow.of("acme", YearMonth.of(2026, 10), ZoneId.of("America/New_York"));
        // EDT (UTC-4) at both ends of October 2026 (DST ends on 1 November at 02:00 local, after the window)
        assertThat(october.start()).isEqualTo(Instant.parse("2026-10-01T04:00:00Z"));
        assertThat(october.end()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(october.inclusiveEnd()).isEqualTo(Instant.parse("2026-11-01T03:59:59Z"));
        // November ends in EST (UTC-5): its window starts where October's ends, no overlap, no gap
        ReportWindow november = ReportWindow.of("acme", YearMonth.of(2026, 11), ZoneId.of("America/New_York"));
        assertThat(november.start()).isEqualTo(october.end());
        assertThat(november.end()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    }
}
