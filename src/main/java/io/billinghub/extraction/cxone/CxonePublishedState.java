package io.billinghub.extraction.cxone;

import io.billinghub.extraction.StagingTally;
import io.billinghub.extraction.UsageStaging;
import java.time.Instant;

/**
 * The running state of one published-API extraction (an exchange property while the route works). Completed
 * contacts: top/skip paging, or the page's {@code _links.next} when it gives one; a 204 or a page shorter than top
 * ends it. Data Extraction: a job created, its status asked for until it ends, its file downloaded once.
 */
public final class CxonePublishedState {

    private final ReportWindow window;
    private final String extractionId;
    private final String apiEndpoint;
    private final int top;
    private final Instant startedAt;
    private final StagingTally tally = new StagingTally();
    private int skip;
    private String nextLink;
    private int pages;
    private int contacts;
    private int contactsNotPhone;
    private int emptyPages;
    private boolean morePages = true;
    private final boolean dataExtraction;
    private String jobId;
    private Instant jobCreatedAt;
    private int jobsCreated;
    private int jobStatusRequests;
    private int linkRefetches;
    private boolean downloaded;

    CxonePublishedState(ReportWindow window, String extractionId, String apiEndpoint, int top, Instant startedAt,
                        boolean dataExtraction) {
        this.dataExtraction = dataExtraction;
        this.window = window;
        this.extractionId = extractionId;
        this.apiEndpoint = apiEndpoint;
        this.top = top;
        this.startedAt = startedAt;
    }

    void page(CxoneContactPage page, UsageStaging.StageCounts counts) {
        pages++;
        contacts += page.contacts();
        contactsNotPhone += page.notPhone();
        tally.add(page.recordsIn(), page.rejected().size(), counts);
        nextLink = page.next();
        if (nextLink == null) {
            skip += page.contacts();
            morePages = page.contacts() >= top;
        }
    }

    /** A 204: no contact from here on. */
    void noContent() {
        pages++;
        emptyPages++;
        nextLink = null;
        morePages = false;
    }

    /** Read by the route. */
    public boolean hasMorePages() {
        return morePages;
    }

    /** Read by the route: the month comes from a Data Extraction job. */
    public boolean dataExtraction() {
        return dataExtraction;
    }

    /** Read by the route: the job's file has not been downloaded yet. */
    public boolean jobPending() {
        return !downloaded;
    }

    void jobCreated(String id, Instant at) {
        jobId = id;
        jobCreatedAt = at;
        jobsCreated++;
    }

    void jobStatusAsked() {
        jobStatusRequests++;
    }

    /** The job expired before its file was fetched: the next call creates a new one. */
    void jobExpired() {
        jobId = null;
        jobCreatedAt = null;
    }

    /** The download link had expired: the next call asks for the job again, for a fresh link. */
    void linkExpired() {
        linkRefetches++;
    }

    void downloaded(CxoneContactPage file, UsageStaging.StageCounts counts) {
        page(file, counts);
        downloaded = true;
        morePages = false;
    }

    public String jobId() {
        return jobId;
    }

    public Instant jobCreatedAt() {
        return jobCreatedAt;
    }

    public int jobsCreated() {
        return jobsCreated;
    }

    public int jobStatusRequests() {
        return jobStatusRequests;
    }

    public int linkRefetches() {
        return linkRefetches;
    }

    public ReportWindow window() {
        return window;
    }

    public String extractionId() {
        return extractionId;
    }

    public String apiEndpoint() {
        return apiEndpoint;
    }

    public int top() {
        return top;
    }

    public int skip() {
        return skip;
    }

    public String nextLink() {
        return nextLink;
    }

    public int pages() {
        return pages;
    }

    public int contacts() {
        return contacts;
    }

    /** Contacts of other media types read (a Data Extraction file holds them): no telephony usage, no line. */
    public int contactsNotPhone() {
        return contactsNotPhone;
    }

    public int emptyPages() {
        return emptyPages;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public StagingTally tally() {
        return tally;
    }
}
