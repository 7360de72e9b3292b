package io.billinghub.sandbox.cxone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.platform.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A report of exactly n lines, as the extraction measurement pages it (README "Extraction at the vendors' limits"). */
class CxoneVolumeLinesTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int LINES = 48_291;

    @Test
    void exactlyNLinesInTheBillingMonthInReportOrder() {
        List<CxoneReportLine> lines = CxoneVolumeLines.of(OCTOBER, NEW_YORK, LINES);

        assertThat(lines).hasSize(LINES);
        assertThat(lines.get(0).usageDate()).isEqualTo(Instant.parse("2026-10-01T04:00:00Z"));
        assertThat(lines.get(LINES - 1).usageDate()).isBefore(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(lines.get(LINES - 1).lineId()).isEqualTo("vol_0048290");
        assertThat(CxoneMonth.fromLines(OCTOBER, NEW_YORK, lines).billingMonthLines()).isEqualTo(lines);
        assertThat(lines.get(7).costAmount()).isEqualByComparingTo("0.0586");
        assertThat(lines.get(7).taxAmount()).isEqualByComparingTo("0.0047");
        assertThatThrownBy(() -> CxoneVolumeLines.of(OCTOBER, NEW_YORK, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReportStoreServesThemInPagesOf500EachLineOnce() {
        CxoneReportStore reports = new CxoneReportStore(List.of(), 0, false, Duration.ofHours(24),
                new SettableClock(Instant.parse("2026-11-06T15:00:00Z")));
        reports.serve(CxoneVolumeLines.of(OCTOBER, NEW_YORK, LINES));
        String id = reports.submit(new CxoneReportRequest("COST", Instant.parse("2026-10-01T04:00:00Z"),
                Instant.parse("2026-11-01T03:59:59Z"), List.of("USER"), "USD", true, true)).reportId();

        List<String> ids = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            CxoneReportStore.DataPage page = reports.data(id, "500", token);
            page.data().forEach(line -> ids.add(line.lineId()));
            token = page.nextPageToken();
            pages++;
        } while (token != null);

        // 96 pages of 500 and one of 291
        assertThat(pages).isEqualTo(97);
        Set<String> distinct = new HashSet<>(ids);
        assertThat(ids).hasSize(LINES);
        assertThat(distinct).hasSize(LINES);

        reports.reset();
        String empty = reports.submit(new CxoneReportRequest("COST", Instant.parse("2026-10-01T04:00:00Z"),
                Instant.parse("2026-11-01T03:59:59Z"), List.of("USER"), "USD", true, true)).reportId();
        assertThat(reports.data(empty, "500", null).data()).isEmpty();
    }
}
