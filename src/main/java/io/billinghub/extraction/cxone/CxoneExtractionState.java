package io.billinghub.extraction.cxone;

import io.billinghub.extraction.StagingTally;
import io.billinghub.extraction.UsageStaging;
import java.time.Instant;
import java.util.Set;

/** The running state of one extraction (an exchange property while the route submits, polls and pages). */
public final class CxoneExtractionState {

    private static final Set<String> PENDING = Set.of("QUEUED", "PROCESSING");

    private final ReportWindow window;
    private final Instant startedAt;
    private String reportId;
    private String status;
    private Instant submittedAt;
    private boolean reused;
    private int polls;
    private int statusRequests;
    private int pages;
    private boolean morePages = true;
    private String nextPageToken;
    private final StagingTally tally = new StagingTally();

    CxoneExtractionState(ReportWindow window, Instant startedAt) {
        this.window = window;
        this.startedAt = startedAt;
    }

    void report(String id, String reportStatus, Instant submitted) {
        this.reportId = id;
        this.status = reportStatus;
        this.submittedAt = submitted;
        this.polls = 0;
    }

    /** A report an earlier run requested (within the reuse period): its first status request confirms it. */
    void reuse(String id, String reportStatus, Instant submitted) {
        report(id, reportStatus, submitted);
        this.reused = true;
    }

    void status(String reportStatus) {
        this.status = reportStatus;
        this.polls++;
        this.statusRequests++;
    }

    /** A status request found that CXone no longer holds the reused report (purged, expired): request a new one. */
    void gone() {
        this.statusRequests++;
        this.reportId = null;
        this.status = null;
        this.submittedAt = null;
        this.reused = false;
        this.polls = 0;
    }

    void page(CxoneReportPage page, UsageStaging.StageCounts counts) {
        pages++;
        tally.add(page.recordsIn(), page.rejected().size(), counts);
        nextPageToken = page.nextPageToken();
        morePages = nextPageToken != null;
    }

    /**
     * Since when this extraction has been waiting for the report: its submission, or for a report a previous run
     * left PROCESSING (resumed after a timeout), the start of this extraction, which gets a full wait of its own.
     */
    Instant waitingSince() {
        return submittedAt == null || submittedAt.isBefore(startedAt) ? startedAt : submittedAt;
    }

    /** Read by the route: no usable report yet. */
    public boolean needsSubmit() {
        return reportId == null;
    }

    /**
     * Read by the route: no report yet, a report still being produced, or a reused one not confirmed yet (CXone
     * may have purged it since, e.g. after a restart).
     */
    public boolean awaitingReport() {
        return reportId == null || PENDING.contains(status) || reused && polls == 0;
    }

    /** The first status request of a reused report goes out at once: it is a check, not a wait for progress. */
    boolean checkingReusedReport() {
        return reused && polls == 0;
    }

    boolean reused() {
        return reused;
    }

    /** Read by the route. */
    public boolean hasMorePages() {
        return morePages;
    }

    public ReportWindow window() {
        return window;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String reportId() {
        return reportId;
    }

    public String status() {
        return status;
    }

    public int polls() {
        return polls;
    }

    public int statusRequests() {
        return statusRequests;
    }

    public int pages() {
        return pages;
    }

    public String nextPageToken() {
        return nextPageToken;
    }

    public StagingTally tally() {
        return tally;
    }
}
