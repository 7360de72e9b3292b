package io.billinghub.extraction.cxone;

import io.billinghub.extraction.StagingTally;
import io.billinghub.extraction.UsageStaging;
import java.time.Instant;

/**
 * The running state of one published-API extraction (an exchange property while the route pages through the
 * completed contacts): top/skip paging, or the page's {@code _links.next} when it gives one; a 204 or a page
 * shorter than top ends it.
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
    private int emptyPages;
    private boolean morePages = true;

    CxonePublishedState(ReportWindow window, String extractionId, String apiEndpoint, int top, Instant startedAt) {
        this.window = window;
        this.extractionId = extractionId;
        this.apiEndpoint = apiEndpoint;
        this.top = top;
        this.startedAt = startedAt;
    }

    void page(CxoneContactPage page, UsageStaging.StageCounts counts) {
        pages++;
        contacts += page.contacts();
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
