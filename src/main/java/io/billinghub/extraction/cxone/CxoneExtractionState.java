package io.billinghub.extraction.cxone;

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
    private int polls;
    private int pages;
    private boolean morePages = true;
    private String nextPageToken;
    private long recordsIn;
    private long inserted;
    private long updated;
    private long unchanged;
    private long rejected;

    CxoneExtractionState(ReportWindow window, Instant startedAt) {
        this.window = window;
        this.startedAt = startedAt;
    }

    void report(String id, String reportStatus, Instant submitted) {
        this.reportId = id;
        this.status = reportStatus;
        this.submittedAt = submitted;
    }

    void status(String reportStatus) {
        this.status = reportStatus;
        this.polls++;
    }

    void page(CxoneReportPage page, UsageStaging.StageCounts counts) {
        pages++;
        recordsIn += page.recordsIn();
        inserted += counts.inserted();
        updated += counts.updated();
        unchanged += counts.unchanged();
        rejected += page.rejected().size();
        nextPageToken = page.nextPageToken();
        morePages = nextPageToken != null;
    }

    /** Read by the route: no usable report yet. */
    public boolean needsSubmit() {
        return reportId == null;
    }

    /** Read by the route: the report is still being produced. */
    public boolean pending() {
        return PENDING.contains(status);
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

    public Instant submittedAt() {
        return submittedAt;
    }

    public int polls() {
        return polls;
    }

    public int pages() {
        return pages;
    }

    public String nextPageToken() {
        return nextPageToken;
    }

    public long recordsIn() {
        return recordsIn;
    }

    public long accepted() {
        return inserted + updated + unchanged;
    }

    public long inserted() {
        return inserted;
    }

    public long updated() {
        return updated;
    }

    public long unchanged() {
        return unchanged;
    }

    public long rejected() {
        return rejected;
    }
}
