package io.billinghub.extraction.cxone;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.sandbox.RequestLimit;
import io.billinghub.sandbox.cxone.CxoneVolumeLines;
import io.billinghub.support.HubIntegrationTest;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * cxone-extract pages a 100-line report (34 pages of 3, the shared context's page size) at the tenant's budget of
 * 10 requests per second (application.yml) against a sandbox that limits the tenant to the same rate without any
 * burst, the strictest limit a budget can match. Time is simulated: the hub's throttle waits by moving the clock
 * the sandbox's limit reads, so the counts are exact and nothing really waits. The sandbox's periodic faults are
 * off unless a test sets them; its first status request answers PROCESSING, the second COMPLETE.
 */
class CxoneExtractionAtLimitsTest extends HubIntegrationTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final int LINES = 100;

    @Autowired
    private RequestLimit limit;

    @BeforeEach
    void aVolumeReportAtTheBudget() {
        cxoneReports.serve(CxoneVolumeLines.of(OCTOBER, ZoneId.of("America/New_York"), LINES));
        cxoneFaults.behave(0, 1, 0);
        // counts from zero: without a limit the sandbox still counts what earlier tests of the context sent
        limit.reset();
        limit.limit(10, 1);
    }

    @AfterEach
    void noLimitForTheOtherTests() {
        limit.reset();
    }

    @Test
    void aBudgetEqualToTheLimitProvokesNo429() {
        extract();

        // 1 report request, 2 status requests, 34 pages: all admitted at the first attempt
        assertThat(limit.admitted()).isEqualTo(37);
        assertThat(limit.refused()).isZero();
        assertThat(cxoneFaults.rateLimited()).isZero();
        assertEveryLineStagedOnce(34);
    }

    @Test
    void injected429sLoseAndDuplicateNoLine() {
        // every 7th request answers 429, and a storm of three more after the 20th: 21, 22, 23
        cxoneFaults.behave(7, 1, 0);
        cxoneFaults.bursts().storm().armAfter(20, 3);

        extract();

        // 37 requests must succeed (as above). Failing are 7, 14, 21, 22, 23, 28, 35, 42: the 45th request is the
        // 37th to succeed. Each 429 is retried through the budget, so even the retries are never over the limit.
        assertThat(cxoneFaults.requests()).isEqualTo(45);
        assertThat(cxoneFaults.rateLimited()).isEqualTo(8);
        assertThat(limit.admitted()).isEqualTo(45);
        assertThat(limit.refused()).isZero();
        assertEveryLineStagedOnce(34);
    }

    private void extract() {
        producer.requestBody("direct:cxone-extract", new CxoneExtraction("acme-contact", OCTOBER));
        assertThat(jdbc.queryForObject("select status from pipeline_run", String.class)).isEqualTo("SUCCEEDED");
    }

    /** Lines received (each page's lines, counted as read) and lines staged are both exactly the sandbox's. */
    private void assertEveryLineStagedOnce(int pages) {
        assertThat(jdbc.queryForMap("select pages, lines from cxone_extraction"))
                .containsEntry("pages", pages).containsEntry("lines", LINES);
        List<String> expected = IntStream.range(0, LINES).mapToObj(CxoneVolumeLines::lineId).toList();
        assertThat(jdbc.queryForList("select line_id from cxone_usage_line order by line_id", String.class))
                .containsExactlyElementsOf(expected);
    }
}
