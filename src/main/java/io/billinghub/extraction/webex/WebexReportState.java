package io.billinghub.extraction.webex;

import java.time.Instant;

/**
 * The running state of one report extraction (an exchange property while the route lists, deletes, creates, polls
 * and downloads): the report found or created, its status, its download link and when that link was issued.
 */
public final class WebexReportState {

    private final WebexReportJob job;
    private final BillingWindow window;
    private final Instant startedAt;
    private String nextListUrl;
    private int listPages;
    private String completedId;
    private String inProgressId;
    private String toDelete;
    private boolean create;
    private String reportId;
    private String status;
    private String errors;
    private Instant waitingSince;
    private int polls;
    private int statusRequests;
    private String downloadUrl;
    private Instant linkIssuedAt;
    private boolean linkRequired;
    private int linkRefusals;
    private boolean downloaded;
    private long rowsIn;
    private long accepted;
    private long rejected;

    WebexReportState(WebexReportJob job, BillingWindow window, Instant startedAt, String firstListUrl) {
        this.job = job;
        this.window = window;
        this.startedAt = startedAt;
        this.nextListUrl = firstListUrl;
    }

    /** A report of the job's window and type found while listing. */
    void listed(String id, String reportStatus) {
        if ("COMPLETED".equals(reportStatus)) {
            completedId = id;
        } else if ("IN_PROGRESS".equals(reportStatus)) {
            inProgressId = id;
        }
    }

    void listPage(String nextUrl) {
        listPages++;
        nextListUrl = nextUrl;
    }

    /**
     * After listing: a completed report is reused (or deleted first when regenerating: Webex refuses a second one
     * for the same period), one in progress is awaited, otherwise a report is created.
     */
    void decide(Instant now) {
        if (completedId != null && job.regenerate()) {
            toDelete = completedId;
            completedId = null;
        }
        if (completedId != null) {
            reportId = completedId;
            status = "COMPLETED";
            linkRequired = true;
        } else if (inProgressId != null) {
            reportId = inProgressId;
            status = "IN_PROGRESS";
            waitingSince = now;
        } else {
            create = true;
        }
    }

    void deleted() {
        toDelete = null;
    }

    void created(String id, Instant now) {
        create = false;
        reportId = id;
        status = "IN_PROGRESS";
        waitingSince = now;
        polls = 0;
    }

    /** A status answer; a COMPLETED one brings a fresh download link. */
    void polled(String reportStatus, String url, String reportErrors, Instant now) {
        status = reportStatus;
        statusRequests++;
        if ("IN_PROGRESS".equals(reportStatus)) {
            polls++;
        }
        if (reportErrors != null) {
            errors = reportErrors;
        }
        if ("COMPLETED".equals(reportStatus) && url != null && !url.isBlank()) {
            downloadUrl = url;
            linkIssuedAt = now;
            linkRequired = false;
        }
    }

    void requireLink() {
        linkRequired = true;
    }

    /** The link was refused (expired); returns how many times that happened. */
    int linkRefused() {
        linkRequired = true;
        return ++linkRefusals;
    }

    void downloaded(long in, long acceptedRows, long rejectedRows) {
        downloaded = true;
        rowsIn = in;
        accepted = acceptedRows;
        rejected = rejectedRows;
    }

    /** Read by the route: more list pages to read. */
    public boolean listing() {
        return nextListUrl != null;
    }

    /** Read by the route. */
    public boolean deleting() {
        return toDelete != null;
    }

    /** Read by the route. */
    public boolean creating() {
        return create;
    }

    /** Read by the route: the report is still being generated. */
    public boolean pending() {
        return "IN_PROGRESS".equals(status);
    }

    /** Read by the route: the report must be fetched again for a (fresh) download link. */
    public boolean linkRequired() {
        return linkRequired;
    }

    /** Read by the route. */
    public boolean downloading() {
        return !downloaded;
    }

    public WebexReportJob job() {
        return job;
    }

    public BillingWindow window() {
        return window;
    }

    public Instant startedAt() {
        return startedAt;
    }

    String nextListUrl() {
        return nextListUrl;
    }

    int listPages() {
        return listPages;
    }

    String toDelete() {
        return toDelete;
    }

    public String reportId() {
        return reportId;
    }

    public String status() {
        return status;
    }

    String errors() {
        return errors;
    }

    Instant waitingSince() {
        return waitingSince;
    }

    int polls() {
        return polls;
    }

    int statusRequests() {
        return statusRequests;
    }

    String downloadUrl() {
        return downloadUrl;
    }

    Instant linkIssuedAt() {
        return linkIssuedAt;
    }

    int linkRefusals() {
        return linkRefusals;
    }

    long rowsIn() {
        return rowsIn;
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return rejected;
    }
}
