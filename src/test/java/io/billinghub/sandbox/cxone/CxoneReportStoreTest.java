package io.billinghub.sandbox.cxone;

import static io.billinghub.sandbox.cxone.CxoneTestSupport.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.cxone.CxoneReportStore.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CxoneReportStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-06T15:00:00Z");
    /** 2 500 calls, one a second from 2026-10-01T04:00:00Z (ln_00000 .. ln_02499). */
    private static final List<CxoneReportLine> LINES = lines(2500);

    private final SettableClock clock = new SettableClock(T0);

    @Test
    void processingForTwoPollsThenComplete() {
        CxoneReportStore reports = reports(2, false);
        CxoneReportStore.StatusView submitted = reports.submit(october());
        assertThat(submitted.status()).isEqualTo(Status.PROCESSING);
        assertThat(submitted.reportId()).matches("usr_rpt_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        assertThat(submitted.submittedAt()).isEqualTo(T0);
        assertThat(submitted.completedAt()).isNull();
        assertThat(submitted.totalRecords()).isNull();
        String id = submitted.reportId();

        // Data before completion: 409.
        assertRefused(() -> reports.data(id, null, null), 409, "report_not_ready");
        clock.advance(Duration.ofSeconds(15));
        assertThat(reports.poll(id).status()).isEqualTo(Status.PROCESSING);
        clock.advance(Duration.ofSeconds(15));
        assertThat(reports.poll(id).status()).isEqualTo(Status.PROCESSING);
        clock.advance(Duration.ofSeconds(15));
        // Third poll, T0 + 45 s: COMPLETE, with all 2 500 lines.
        CxoneReportStore.StatusView complete = reports.poll(id);
        assertThat(complete).isEqualTo(new CxoneReportStore.StatusView(id, Status.COMPLETE, T0, T0.plusSeconds(45),
                T0.plusSeconds(45).plus(Duration.ofHours(24)), 2500, null));
        // Further polls change nothing.
        clock.advance(Duration.ofMinutes(5));
        assertThat(reports.poll(id)).isEqualTo(complete);
    }

    @Test
    void pagesOfAThousandUntilTheTokenIsNull() {
        CxoneReportStore reports = reports(0, false);
        String id = reports.submit(october()).reportId();
        // 2 500 lines at pageSize 1000: 1000, 1000, 500; the last page's token is null.
        CxoneReportStore.DataPage first = reports.data(id, "1000", null);
        assertThat(first.data()).hasSize(1000);
        assertThat(first.data().get(0).lineId()).isEqualTo("ln_00000");
        assertThat(first.nextPageToken()).isNotNull();
        assertThat(first.totalRecords()).isEqualTo(2500);
        assertThat(first.status()).isEqualTo(Status.COMPLETE);
        assertThat(first.generatedAt()).isEqualTo(T0);
        CxoneReportStore.DataPage second = reports.data(id, "1000", first.nextPageToken());
        assertThat(second.data()).hasSize(1000);
        assertThat(second.data().get(0).lineId()).isEqualTo("ln_01000");
        CxoneReportStore.DataPage third = reports.data(id, "1000", second.nextPageToken());
        assertThat(third.data()).hasSize(500);
        assertThat(third.data().get(499).lineId()).isEqualTo("ln_02499");
        assertThat(third.nextPageToken()).isNull();
        // Without pageSize: 1000 a page. A page size may change between pages.
        assertThat(reports.data(id, null, null).data()).hasSize(1000);
        CxoneReportStore.DataPage small = reports.data(id, "300", first.nextPageToken());
        assertThat(small.data()).extracting(CxoneReportLine::lineId).startsWith("ln_01000").endsWith("ln_01299");
        // Re-reading a page gives the same lines (retries are safe).
        assertThat(reports.data(id, "1000", first.nextPageToken())).isEqualTo(second);
    }

    @Test
    void refusesBadPageSizesAndTokens() {
        CxoneReportStore reports = reports(0, false);
        String id = reports.submit(october()).reportId();
        String other = reports.submit(october()).reportId();
        for (String size : new String[] {"0", "1001", "-5", "ten", ""}) {
            assertRefused(() -> reports.data(id, size, null), 400, "invalid_request");
        }
        assertThat(reports.data(id, "1", null).data()).hasSize(1);
        String token = reports.data(id, "1000", null).nextPageToken();
        assertRefused(() -> reports.data(id, null, "not a token!"), 400, "invalid_page_token");
        // Another report's token, and a token past the end, are refused.
        assertRefused(() -> reports.data(other, null, token), 400, "invalid_page_token");
        assertRefused(() -> reports.data(id, null, CxoneReportStore.token(id, 2500)), 400, "invalid_page_token");
        assertRefused(() -> reports.data("usr_rpt_unknown", null, null), 404, "report_not_found");
        assertRefused(() -> reports.poll("usr_rpt_unknown"), 404, "report_not_found");
    }

    @Test
    void aCompletedReportExpiresAfterTwentyFourHours() {
        CxoneReportStore reports = reports(0, false);
        String id = reports.submit(october()).reportId();
        // Complete at once (0 polls) at T0: served up to T0 + 24 h - 1 s, EXPIRED from T0 + 24 h.
        clock.set(T0.plus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(reports.poll(id).status()).isEqualTo(Status.COMPLETE);
        assertThat(reports.data(id, null, null).data()).hasSize(1000);
        clock.set(T0.plus(Duration.ofHours(24)));
        CxoneReportStore.StatusView expired = reports.poll(id);
        assertThat(expired.status()).isEqualTo(Status.EXPIRED);
        assertThat(expired.completedAt()).isEqualTo(T0);
        assertThat(expired.totalRecords()).isNull();
        assertRefused(() -> reports.data(id, null, null), 410, "report_expired");
    }

    @Test
    void failingReportsEndFailed() {
        CxoneReportStore reports = reports(2, true);
        String id = reports.submit(october()).reportId();
        assertThat(reports.poll(id).status()).isEqualTo(Status.PROCESSING);
        assertThat(reports.poll(id).status()).isEqualTo(Status.PROCESSING);
        CxoneReportStore.StatusView failed = reports.poll(id);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.failureReason()).isEqualTo(CxoneReportStore.FAILURE_REASON);
        assertThat(failed.totalRecords()).isNull();
        assertRefused(() -> reports.data(id, null, null), 409, "report_not_ready");
        // Failed reports stay failed and do not expire.
        clock.advance(Duration.ofDays(3));
        assertThat(reports.poll(id).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void idsAreDeterministicAfterAReset() {
        CxoneReportStore reports = reports(2, false);
        String first = reports.submit(october()).reportId();
        String second = reports.submit(october()).reportId();
        assertThat(second).isNotEqualTo(first);
        assertThat(reports.size()).isEqualTo(2);
        reports.reset();
        assertThat(reports.size()).isZero();
        assertRefused(() -> reports.poll(first), 404, "report_not_found");
        assertThat(reports.submit(october()).reportId()).isEqualTo(first);
    }

    private CxoneReportStore reports(int processingPolls, boolean fail) {
        return new CxoneReportStore(LINES, processingPolls, fail, Duration.ofHours(24), clock);
    }

    private static CxoneReportRequest october() {
        return new CxoneReportRequest("COST", Instant.parse("2026-10-01T04:00:00Z"),
                Instant.parse("2026-11-01T03:59:59Z"), List.of("USER"), "USD", true, true);
    }

    private static void assertRefused(Runnable call, int status, String error) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CxoneApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.error()).isEqualTo(error);
        });
    }

    private static List<CxoneReportLine> lines(int count) {
        List<CxoneReportLine> lines = new ArrayList<>();
        Instant start = Instant.parse("2026-10-01T04:00:00Z");
        for (int i = 0; i < count; i++) {
            lines.add(call(String.format("ln_%05d", i), start.plusSeconds(i).toString(), "0.1000", "0.0080"));
        }
        return List.copyOf(lines);
    }
}
