package io.billinghub.extraction.genesys;

import java.time.Instant;
import java.util.Set;

/**
 * The running state of one window read through the published Genesys API (an exchange property while the route asks
 * for the data availability, submits the conversation details job, polls it and pages through its results).
 */
public final class GenesysJobState {

    private static final Set<String> WAITING = Set.of("QUEUED", "PENDING");

    private Instant intervalEnd;
    private boolean nothingAvailable;
    private String jobId;
    private String state;
    private String errorMessage;
    private Instant submittedAt;
    private int submissions;
    private int polls;
    private int statusRequests;
    private String cursor;
    private boolean morePages = true;

    /** The job reads the window up to the data availability date; nothing at all when that is before the window. */
    void available(Instant windowStart, Instant windowEnd, Instant availableUntil) {
        intervalEnd = availableUntil.isBefore(windowEnd) ? availableUntil : windowEnd;
        nothingAvailable = !intervalEnd.isAfter(windowStart);
    }

    void submitted(String id, Instant at) {
        jobId = id;
        state = "QUEUED";
        errorMessage = null;
        submittedAt = at;
        submissions++;
        polls = 0;
    }

    void polled(String jobState, String message) {
        state = jobState;
        errorMessage = message;
        polls++;
        statusRequests++;
    }

    /** The job expired before its results were read: the next loop submits a new one. */
    void expired() {
        jobId = null;
    }

    void page(String nextCursor) {
        cursor = nextCursor;
        morePages = nextCursor != null;
    }

    /** Read by the route: no job yet, or one still being produced. */
    public boolean awaitingJob() {
        return !nothingAvailable && (jobId == null || WAITING.contains(state));
    }

    /** Read by the route. */
    public boolean needsSubmit() {
        return jobId == null;
    }

    /** Read by the route. */
    public boolean hasMorePages() {
        return !nothingAvailable && morePages;
    }

    boolean nothingAvailable() {
        return nothingAvailable;
    }

    Instant intervalEnd() {
        return intervalEnd;
    }

    public String jobId() {
        return jobId;
    }

    public String state() {
        return state;
    }

    String errorMessage() {
        return errorMessage;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    public int submissions() {
        return submissions;
    }

    public int polls() {
        return polls;
    }

    public int statusRequests() {
        return statusRequests;
    }

    String cursor() {
        return cursor;
    }
}
