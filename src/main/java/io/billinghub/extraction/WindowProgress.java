package io.billinghub.extraction;

import java.time.Instant;

/** Running counts of one window's extraction across its pages (an exchange property while it pages). */
public final class WindowProgress {

    private final Instant startedAt;
    private int page = 1;
    private int pagesRead;
    private boolean hasMore = true;
    private Instant dataAvailableUntil;
    private final StagingTally tally = new StagingTally();

    public WindowProgress(Instant startedAt) {
        this.startedAt = startedAt;
    }

    void add(UsagePage usagePage, UsageStaging.StageCounts counts) {
        if (usagePage.recordsIn() == 0 && usagePage.hasMore()) {
            // neither end the window as if complete (its legs would be missed for good once it settles) nor ask
            // for the next page forever: the window fails, stays unsettled and is read again
            throw new IllegalStateException("page " + usagePage.pageNumber() + " of " + usagePage.pageCount()
                    + " is empty although the vendor reports more pages; the window is left to be read again");
        }
        pagesRead++;
        tally.add(usagePage.recordsIn(), usagePage.rejected().size(), counts);
        hasMore = usagePage.hasMore();
        page = usagePage.pageNumber() + 1;
    }

    /**
     * A page of a cursor-paged answer (the published Genesys connector), whose records are conversations mapped to
     * any number of legs: more pages follow while the vendor returns a cursor.
     */
    public void addCursorPage(int records, boolean more, UsagePage usagePage, UsageStaging.StageCounts counts) {
        if (records == 0 && more) {
            throw new IllegalStateException("page " + usagePage.pageNumber() + " is empty although the vendor returned"
                    + " a cursor for more; the window is left to be read again");
        }
        pagesRead++;
        tally.add(usagePage.recordsIn(), usagePage.rejected().size(), counts);
        hasMore = more;
        page = usagePage.pageNumber() + 1;
    }

    /** The vendor holds complete data only up to this instant: a window ending later is read but cannot settle. */
    public void dataAvailableUntil(Instant until) {
        this.dataAvailableUntil = until;
    }

    /** Whether the vendor's data covered the whole window when it was read. */
    public boolean complete(ExtractionWindow window) {
        return dataAvailableUntil == null || !dataAvailableUntil.isBefore(window.end());
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
