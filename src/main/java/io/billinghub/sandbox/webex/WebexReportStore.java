package io.billinghub.sandbox.webex;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The billing reports, kept in memory, with a deterministic lifecycle:
 * <ul>
 *   <li>Created IN_PROGRESS. The first {@code processingPolls} GETs of it answer IN_PROGRESS; the next GET finds it
 *       COMPLETED, or FAILED when it is an Nth created report with N a multiple of {@code failEvery}. With
 *       processingPolls 0 it is done at creation. Listing does not count as a GET.</li>
 *   <li>A COMPLETED report's rows are computed from the dataset when it completes and never change after.</li>
 *   <li>While a COMPLETED report of the same period, type and sub-partner exists, a create answers 409; FAILED and
 *       IN_PROGRESS ones do not block. Deleting the COMPLETED one allows the create again.</li>
 *   <li>Every Nth created report (N a multiple of {@code acceptedEvery}) is answered 202 instead of 200.</li>
 *   <li>A subPartnerOrgId that is not a sub-partner's PARTNER_ORG_ID of the dataset is refused with 403.</li>
 * </ul>
 * A test hook keeps the next created reports IN_PROGRESS (a stuck reporting service) until released. Counters and
 * reports run until {@link #reset()}. All methods are synchronized: a sandbox, not a database.
 */
public final class WebexReportStore {

    public static final int FAILURE_CODE = 2049;
    public static final String FAILURE_DESCRIPTION =
            "Billing report generation failed on the reporting service; create the report again";

    /** A create's answer: the new report and whether it is answered 202 Accepted instead of 200 OK. */
    public record Created(WebexReport report, boolean accepted) {
    }

    /** One page of a listing; {@code nextCursor} is null on the last page. */
    public record Page(List<WebexReport> items, String nextCursor) {
    }

    /** What a download serves: the report's CSV rows as fixed at completion. */
    public record Content(String fileId, WebexReportType type, List<List<String>> rows) {
    }

    private static final class Entry {
        final String id;
        final String fileId;
        final WebexReportRequest request;
        final Instant created;
        final boolean fails;
        boolean stuck;
        int polls;
        WebexReportStatus status = WebexReportStatus.IN_PROGRESS;
        List<List<String>> rows;

        Entry(String id, String fileId, WebexReportRequest request, Instant created, boolean fails) {
            this.id = id;
            this.fileId = fileId;
            this.request = request;
            this.created = created;
            this.fails = fails;
        }
    }

    private final Supplier<WebexUsageDataset> dataset;
    private final String partnerOrgId;
    private final String createdBy;
    private final int processingPolls;
    private final int failEvery;
    private final int acceptedEvery;
    private final Clock clock;
    private final Map<String, Entry> reports = new LinkedHashMap<>();
    private long creations;
    private int failNext;
    private int stickNext;

    /**
     * @param dataset         the USER rows, read when first needed
     * @param partnerOrgId    the partner's own PARTNER_ORG_ID
     * @param createdBy       the person id shown as every report's creator
     * @param processingPolls GETs answered IN_PROGRESS before a report completes (0 = done at creation)
     * @param failEvery       every Nth created report ends FAILED (0 = never)
     * @param acceptedEvery   every Nth create is answered 202 (0 = never)
     */
    public WebexReportStore(Supplier<WebexUsageDataset> dataset, String partnerOrgId, String createdBy,
                            int processingPolls, int failEvery, int acceptedEvery, Clock clock) {
        this.dataset = dataset;
        this.partnerOrgId = partnerOrgId;
        this.createdBy = createdBy;
        this.processingPolls = processingPolls;
        this.failEvery = failEvery;
        this.acceptedEvery = acceptedEvery;
        this.clock = clock;
    }

    /** The current UTC day, which no billing period may reach. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** @throws WebexApiException 403 unknown sub-partner, 409 a COMPLETED report of the same request exists */
    public synchronized Created create(WebexReportRequest request) {
        String subPartner = request.subPartnerOrgId();
        if (subPartner != null && (subPartner.equals(partnerOrgId) || !dataset.get().orgIds().contains(subPartner))) {
            throw new WebexApiException(403, "subPartnerOrgId " + subPartner + " is not a sub-partner of this partner");
        }
        for (Entry existing : reports.values()) {
            if (existing.status == WebexReportStatus.COMPLETED && existing.request.equals(request)) {
                throw new WebexApiException(409, "A COMPLETED " + request.type() + " report of "
                        + request.billingStartDate() + " to " + request.billingEndDate() + " exists already ("
                        + existing.id + "); delete it before creating it again");
            }
        }
        long n = creations + 1;
        Entry entry = new Entry(WebexIds.of("BILLING_REPORT", UUID.randomUUID()), UUID.randomUUID().toString(),
                request, clock.instant().truncatedTo(ChronoUnit.MILLIS), failEvery > 0 && n % failEvery == 0
                || failNext > 0);
        failNext = Math.max(0, failNext - 1);
        entry.stuck = stickNext > 0;
        stickNext = Math.max(0, stickNext - 1);
        if (processingPolls == 0 && !entry.stuck) {
            finish(entry);
        }
        // counted once nothing can fail any more, so a refused create does not shift the counters
        creations = n;
        reports.put(entry.id, entry);
        return new Created(view(entry), acceptedEvery > 0 && n % acceptedEvery == 0);
    }

    /**
     * A GET of the report: counts towards its completion and answers its status.
     *
     * @throws WebexApiException 404 unknown id
     */
    public synchronized WebexReport get(String id) {
        Entry entry = find(id);
        entry.polls++;
        if (entry.status == WebexReportStatus.IN_PROGRESS && entry.polls > processingPolls && !entry.stuck) {
            finish(entry);
        }
        return view(entry);
    }

    /** One page of the reports the query selects, in its order. */
    public synchronized Page list(WebexListQuery query) {
        List<WebexReport> selected = reports.values().stream().map(this::view).filter(query::matches)
                .sorted(query.order()).filter(query::afterCursor).toList();
        List<WebexReport> page = selected.subList(0, Math.min(query.max(), selected.size()));
        String next = selected.size() > page.size() ? query.cursorAfter(page.get(page.size() - 1)) : null;
        return new Page(List.copyOf(page), next);
    }

    /** @throws WebexApiException 404 unknown id */
    public synchronized void delete(String id) {
        reports.remove(find(id).id);
    }

    /** The CSV rows behind a download file name; empty once the report is deleted. */
    public synchronized Optional<Content> content(String fileId) {
        return reports.values().stream()
                .filter(entry -> entry.fileId.equals(fileId) && entry.status == WebexReportStatus.COMPLETED)
                .findFirst()
                .map(entry -> new Content(entry.fileId, entry.request.type(), entry.rows));
    }

    /** Forgets every report and starts the counters again. */
    public synchronized void reset() {
        reports.clear();
        creations = 0;
        failNext = 0;
        stickNext = 0;
    }

    /** Test support: the next {@code count} created reports end FAILED. */
    public synchronized void failNextReports(int count) {
        failNext = count;
    }

    /** Test support: the next {@code count} created reports stay IN_PROGRESS until {@link #releaseStuck()}. */
    public synchronized void stickNextReports(int count) {
        stickNext = count;
    }

    /** Test support: stuck reports go on as usual (the next GET past their processing polls completes them). */
    public synchronized void releaseStuck() {
        reports.values().forEach(entry -> entry.stuck = false);
    }

    public synchronized int size() {
        return reports.size();
    }

    private Entry find(String id) {
        Entry entry = id == null ? null : reports.get(id);
        if (entry == null) {
            throw WebexApiException.notFound(id);
        }
        return entry;
    }

    /** Completes or fails the report; a dataset that cannot be read leaves it IN_PROGRESS (and answers 500). */
    private void finish(Entry entry) {
        if (entry.fails) {
            entry.status = WebexReportStatus.FAILED;
            return;
        }
        WebexReportRequest request = entry.request;
        String org = request.subPartnerOrgId() == null ? partnerOrgId : request.subPartnerOrgId();
        entry.rows = WebexAggregation.rows(request.type(),
                dataset.get().select(request.billingStartDate(), request.billingEndDate(), org));
        entry.status = WebexReportStatus.COMPLETED;
    }

    private WebexReport view(Entry entry) {
        return new WebexReport(entry.id, entry.fileId, entry.request, entry.created, createdBy, entry.status);
    }
}
