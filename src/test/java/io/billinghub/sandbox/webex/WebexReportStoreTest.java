package io.billinghub.sandbox.webex;

import static io.billinghub.sandbox.webex.WebexTestSupport.PARTNER;
import static io.billinghub.sandbox.webex.WebexTestSupport.SUB_PARTNER;
import static io.billinghub.sandbox.webex.WebexTestSupport.T0;
import static io.billinghub.sandbox.webex.WebexTestSupport.assertApiError;
import static io.billinghub.sandbox.webex.WebexTestSupport.query;
import static io.billinghub.sandbox.webex.WebexTestSupport.request;
import static io.billinghub.sandbox.webex.WebexTestSupport.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.webex.WebexReportStore.Page;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebexReportStoreTest {

    private static final WebexReportRequest OCTOBER = request("2026-10-01", "2026-10-31", WebexReportType.PARTNER,
            null);

    private final SettableClock clock = new SettableClock(T0);

    @Test
    void inProgressForTheProcessingPollsThenCompleted() {
        WebexReportStore reports = store(2, 0, 0, clock);
        WebexReport created = reports.create(OCTOBER).report();
        assertThat(created.status()).isEqualTo(WebexReportStatus.IN_PROGRESS);
        assertThat(created.created()).isEqualTo(T0);
        assertThat(created.createdBy()).isEqualTo("creator");
        // the id is an opaque Webex id: base64url of ciscospark://us/BILLING_REPORT/<uuid>
        assertThat(new String(Base64.getUrlDecoder().decode(created.id()), StandardCharsets.UTF_8))
                .matches("ciscospark://us/BILLING_REPORT/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        String id = created.id();
        assertThat(reports.content(created.fileId())).isEmpty();

        // Listing does not count as a GET; GETs 1 and 2 answer IN_PROGRESS, GET 3 COMPLETED.
        assertThat(reports.list(query("max", "10")).items()).extracting(WebexReport::status)
                .containsExactly(WebexReportStatus.IN_PROGRESS);
        assertThat(reports.get(id).status()).isEqualTo(WebexReportStatus.IN_PROGRESS);
        assertThat(reports.get(id).status()).isEqualTo(WebexReportStatus.IN_PROGRESS);
        assertThat(reports.get(id).status()).isEqualTo(WebexReportStatus.COMPLETED);
        assertThat(reports.get(id).status()).isEqualTo(WebexReportStatus.COMPLETED);

        // The content is the PARTNER aggregation of October (figures in WebexAggregationTest): 4 rows, 65 first.
        WebexReportStore.Content content = reports.content(created.fileId()).orElseThrow();
        assertThat(content.type()).isEqualTo(WebexReportType.PARTNER);
        assertThat(content.rows()).extracting(row -> row.get(8)).containsExactly("65", "31", "26.25", "42.5");
    }

    @Test
    void withoutProcessingPollsAReportIsDoneAtCreation() {
        WebexReportStore reports = store(0, 0, 0, clock);
        assertThat(reports.create(OCTOBER).report().status()).isEqualTo(WebexReportStatus.COMPLETED);
    }

    @Test
    void aStuckReportStaysInProgressUntilReleased() {
        WebexReportStore reports = store(0, 0, 0, clock);
        reports.stickNextReports(1);
        String stuck = reports.create(OCTOBER).report().id();
        // only the next report sticks: the one after is done at creation as usual
        assertThat(reports.create(request("2026-10-01", "2026-10-30", WebexReportType.PARTNER, null)).report()
                .status()).isEqualTo(WebexReportStatus.COMPLETED);
        for (int get = 0; get < 100; get++) {
            assertThat(reports.get(stuck).status()).isEqualTo(WebexReportStatus.IN_PROGRESS);
        }

        reports.releaseStuck();
        assertThat(reports.get(stuck).status()).isEqualTo(WebexReportStatus.COMPLETED);
    }

    @Test
    void everyNthCreatedReportFailsAfterItsPolls() {
        WebexReportStore reports = store(1, 2, 0, clock);
        List<WebexReport> created = new ArrayList<>();
        for (String end : new String[] {"2026-10-28", "2026-10-29", "2026-10-30", "2026-10-31"}) {
            created.add(reports.create(request("2026-10-01", end, WebexReportType.PARTNER, null)).report());
        }
        List<WebexReportStatus> afterOneGet = new ArrayList<>();
        List<WebexReportStatus> afterTwoGets = new ArrayList<>();
        for (WebexReport report : created) {
            afterOneGet.add(reports.get(report.id()).status());
            afterTwoGets.add(reports.get(report.id()).status());
        }
        assertThat(afterOneGet).containsOnly(WebexReportStatus.IN_PROGRESS);
        // reports 2 and 4 fail
        assertThat(afterTwoGets).containsExactly(WebexReportStatus.COMPLETED, WebexReportStatus.FAILED,
                WebexReportStatus.COMPLETED, WebexReportStatus.FAILED);
        assertThat(reports.content(created.get(1).fileId())).isEmpty();
    }

    @Test
    void everyNthCreateIsAcceptedAndRefusedCreatesDoNotCount() {
        WebexReportStore reports = store(0, 0, 2, clock);
        assertThat(reports.create(OCTOBER).accepted()).isFalse();
        // refused (409: October is COMPLETED): not counted
        assertApiError(() -> reports.create(OCTOBER), 409, "exists already");
        assertThat(reports.create(request("2026-09-01", "2026-09-30", WebexReportType.PARTNER, null)).accepted())
                .isTrue();
        assertThat(reports.create(request("2026-08-01", "2026-08-31", WebexReportType.PARTNER, null)).accepted())
                .isFalse();
        assertThat(reports.create(request("2026-07-01", "2026-07-31", WebexReportType.PARTNER, null)).accepted())
                .isTrue();
    }

    @Test
    void aCompletedReportBlocksTheSameReportUntilDeleted() {
        WebexReportStore reports = store(1, 0, 0, clock);
        String first = reports.create(OCTOBER).report().id();
        // IN_PROGRESS does not block: a second October is created
        String second = reports.create(OCTOBER).report().id();
        reports.get(first);
        assertThat(reports.get(first).status()).isEqualTo(WebexReportStatus.COMPLETED);
        assertApiError(() -> reports.create(OCTOBER), 409,
                "A COMPLETED PARTNER report of 2026-10-01 to 2026-10-31 exists already (" + first + ")");
        // another type, sub-partner or period is another report
        reports.create(request("2026-10-01", "2026-10-31", WebexReportType.CUSTOMER, null));
        reports.create(request("2026-10-01", "2026-10-31", WebexReportType.PARTNER, SUB_PARTNER));
        reports.create(request("2026-10-01", "2026-10-30", WebexReportType.PARTNER, null));
        reports.delete(first);
        // the second October is still IN_PROGRESS, so October can be created again
        WebexReport again = reports.create(OCTOBER).report();
        assertThat(again.id()).isNotIn(first, second);
        assertThat(reports.size()).isEqualTo(5);
    }

    @Test
    void aFailedReportDoesNotBlock() {
        WebexReportStore reports = store(0, 1, 0, clock);
        assertThat(reports.create(OCTOBER).report().status()).isEqualTo(WebexReportStatus.FAILED);
        assertThat(reports.create(OCTOBER).report().status()).isEqualTo(WebexReportStatus.FAILED);
    }

    @Test
    void aSubPartnerMustBeInTheDataset() {
        WebexReportStore reports = store(0, 0, 0, clock);
        assertApiError(() -> reports.create(request("2026-10-01", "2026-10-31", WebexReportType.PARTNER,
                "org-unknown")), 403, "subPartnerOrgId org-unknown is not a sub-partner");
        assertApiError(() -> reports.create(request("2026-10-01", "2026-10-31", WebexReportType.PARTNER, PARTNER)),
                403, "is not a sub-partner");
        WebexReport sub = reports.create(request("2026-10-01", "2026-10-31", WebexReportType.USER, SUB_PARTNER))
                .report();
        assertThat(reports.content(sub.fileId()).orElseThrow().rows()).extracting(row -> row.get(12))
                .containsExactly("user-9", "user-10");
    }

    @Test
    void unknownIdsAreNotFoundAndDeletedReportsServeNoContent() {
        WebexReportStore reports = store(0, 0, 0, clock);
        assertApiError(() -> reports.get("nope"), 404, "Billing Report not found: nope");
        assertApiError(() -> reports.delete("nope"), 404, "Billing Report not found");
        WebexReport report = reports.create(OCTOBER).report();
        assertThat(reports.content(report.fileId())).isPresent();
        reports.delete(report.id());
        assertThat(reports.content(report.fileId())).isEmpty();
        assertApiError(() -> reports.get(report.id()), 404, "not found");
    }

    @Test
    void aMissingDatasetLeavesTheReportInProgress() {
        WebexReportStore reports = new WebexReportStore(new WebexDatasetLoader("classpath:sandbox/webex/none.csv",
                PARTNER, "Acme"), PARTNER, "creator", 0, 0, 0, clock);
        assertApiError(() -> reports.create(OCTOBER), 500, "classpath:sandbox/webex/none.csv is not available");
        assertThat(reports.size()).isZero();
        WebexReportStore polled = new WebexReportStore(new WebexDatasetLoader(
                "classpath:sandbox/webex/bad-quantity.csv", PARTNER, "Acme"), PARTNER, "creator", 1, 0, 0, clock);
        String id = polled.create(OCTOBER).report().id();
        assertThat(polled.get(id).status()).isEqualTo(WebexReportStatus.IN_PROGRESS);
        assertApiError(() -> polled.get(id), 500, "QUANTITY 'fifteen' is not a decimal");
        assertThat(polled.list(query()).items()).extracting(WebexReport::status)
                .containsExactly(WebexReportStatus.IN_PROGRESS);
    }

    @Test
    void fivePagesOfTwoAreThreePages() {
        WebexReportStore reports = store(0, 0, 0, clock);
        // five months, created newest first; listed by billingStartDate: June .. October
        for (int month = 10; month >= 6; month--) {
            LocalDate start = LocalDate.of(2026, month, 1);
            reports.create(new WebexReportRequest(start, start.plusMonths(1).minusDays(1), WebexReportType.PARTNER,
                    null));
        }
        List<String> starts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Page page = reports.list(query("max", "2"));
        while (true) {
            sizes.add(page.items().size());
            page.items().forEach(report -> starts.add(report.request().billingStartDate().toString()));
            if (page.nextCursor() == null) {
                break;
            }
            page = reports.list(query("max", "2", "cursor", page.nextCursor()));
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(starts).containsExactly("2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01");
        // exactly max left: no next page
        assertThat(reports.list(query("max", "5")).nextCursor()).isNull();
        assertThat(reports.list(query("max", "4")).nextCursor()).isNotNull();
    }

    @Test
    void aReportCreatedBetweenPagesShiftsNothing() {
        WebexReportStore reports = store(0, 0, 0, clock);
        reports.create(request("2026-06-01", "2026-06-30", WebexReportType.PARTNER, null));
        reports.create(request("2026-08-01", "2026-08-31", WebexReportType.PARTNER, null));
        reports.create(request("2026-09-01", "2026-09-30", WebexReportType.PARTNER, null));
        Page first = reports.list(query("max", "2"));
        // July sorts between June and August, before page 1's cursor: page 2 is still September alone
        reports.create(request("2026-07-01", "2026-07-31", WebexReportType.PARTNER, null));
        Page second = reports.list(query("max", "2", "cursor", first.nextCursor()));
        assertThat(second.items()).extracting(report -> report.request().billingStartDate().toString())
                .containsExactly("2026-09-01");
    }

    @Test
    void filtersAreExactMatchesAndSortByChoosesTheOrder() {
        WebexReportStore reports = store(1, 0, 0, clock);
        WebexReport october = reports.create(OCTOBER).report();
        reports.create(request("2026-10-01", "2026-10-31", WebexReportType.CUSTOMER, null));
        reports.create(request("2026-10-01", "2026-10-31", WebexReportType.USER, SUB_PARTNER));
        reports.create(request("2026-09-01", "2026-10-31", WebexReportType.PARTNER, null));
        reports.get(october.id());
        reports.get(october.id());
        assertThat(reports.list(query()).items()).hasSize(4);
        assertThat(reports.list(query("billingStartDate", "2026-10-01")).items()).hasSize(3);
        assertThat(reports.list(query("billingEndDate", "2026-10-31", "type", "PARTNER")).items()).hasSize(2);
        assertThat(reports.list(query("status", "COMPLETED")).items()).extracting(WebexReport::id)
                .containsExactly(october.id());
        assertThat(reports.list(query("subPartnerOrgId", SUB_PARTNER)).items()).extracting(r -> r.request().type())
                .containsExactly(WebexReportType.USER);
        assertThat(reports.list(query("billingStartDate", "2026-10-02")).items()).isEmpty();
        // status sorts by name: COMPLETED before IN_PROGRESS
        assertThat(reports.list(query("sortBy", "status")).items()).extracting(WebexReport::status)
                .containsExactly(WebexReportStatus.COMPLETED, WebexReportStatus.IN_PROGRESS,
                        WebexReportStatus.IN_PROGRESS, WebexReportStatus.IN_PROGRESS);
        List<String> ids = reports.list(query("sortBy", "id")).items().stream().map(WebexReport::id).toList();
        assertThat(ids).isSorted();
    }

    @Test
    void resetForgetsReportsAndCounters() {
        WebexReportStore reports = store(0, 2, 2, clock);
        reports.create(OCTOBER);
        reports.reset();
        assertThat(reports.size()).isZero();
        // the first create after a reset is create 1 again: 200 and COMPLETED
        WebexReportStore.Created created = reports.create(OCTOBER);
        assertThat(created.accepted()).isFalse();
        assertThat(created.report().status()).isEqualTo(WebexReportStatus.COMPLETED);
    }
}
