package io.billinghub.extraction;

import java.time.Instant;

/** Running counts of one window's extraction across its pages (an exchange property while it pages). */
public final class WindowProgress {

    private final Instant startedAt;
    private int page = 1;
    private int pagesRead;
    private boolean hasMore = true;
    private final StagingTally tally = new StagingTally();

    public WindowProgress(Instant startedAt) {
        this.startedAt = startedAt;
    }

    void add(UsagePage usagePage, UsageStaging.StageCounts counts) {
        pagesRead++;
        tally.add(usagePage.recordsIn(), usagePage.rejected().size(), counts);
        // an empty page ends the window even if pageCount promised more: paging must always terminate
        hasMore = usagePage.hasMore() && usagePage.recordsIn() > 0;
        page = usagePage.pageNumber() + 1;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public int page() {
        return page;
    }

    public int pagesRead() {
        return pagesRead;
    }

    /** Read by the route's loop. */
    public boolean hasMore() {
        return hasMore;
    }

    public StagingTally tally() {
        return tally;
    }
}
