package io.billinghub.sandbox.webex;

import io.billinghub.sandbox.VendorBursts;

/**
 * Deterministic faults of the Webex sandbox: request counters, not chance, decide which requests fail. API requests
 * (create, list, get, delete; not the token endpoint, not downloads) share one counter: every
 * {@code rateLimitEvery}-th answers 429 and every {@code lockedEvery}-th 423, the 429 winning when both hit. Downloads
 * have their own counter: every {@code unavailableDownloadsEvery}-th answers 503. 0 switches a fault off. Counters
 * run until {@link #reset()}. The bursts (a 429 storm or a 503 outage of API requests, list pages cut short) are
 * test hooks, off until armed.
 */
public final class WebexSandboxFaults {

    public enum Fault { NONE, RATE_LIMITED, LOCKED, UNAVAILABLE }

    private final int rateLimitEvery;
    private final int lockedEvery;
    private final int unavailableDownloadsEvery;
    private long apiRequests;
    private long downloads;
    private int expireDownloads;
    private final VendorBursts bursts = new VendorBursts();

    public WebexSandboxFaults(int rateLimitEvery, int lockedEvery, int unavailableDownloadsEvery) {
        if (rateLimitEvery < 0 || lockedEvery < 0 || unavailableDownloadsEvery < 0) {
            throw new IllegalArgumentException("fault counters must not be negative");
        }
        this.rateLimitEvery = rateLimitEvery;
        this.lockedEvery = lockedEvery;
        this.unavailableDownloadsEvery = unavailableDownloadsEvery;
    }

    /** Counts one API request and says how it fails. Checked before the token, as a gateway in front of the API. */
    public synchronized Fault nextApiRequest() {
        long n = ++apiRequests;
        if (bursts.outage().take()) {
            return Fault.UNAVAILABLE;
        }
        if (bursts.storm().take() || hits(rateLimitEvery, n)) {
            return Fault.RATE_LIMITED;
        }
        return hits(lockedEvery, n) ? Fault.LOCKED : Fault.NONE;
    }

    /** Counts one download; true when it answers 503. */
    public synchronized boolean nextDownloadUnavailable() {
        return hits(unavailableDownloadsEvery, ++downloads);
    }

    /** Test support: the next {@code count} downloads answer 403 "Request has expired", as a link past its time. */
    public synchronized void expireNextDownloads(int count) {
        expireDownloads = count;
    }

    /** Counts down {@link #expireNextDownloads}; true when this download is refused as expired. */
    public synchronized boolean nextDownloadExpired() {
        if (expireDownloads > 0) {
            expireDownloads--;
            return true;
        }
        return false;
    }

    /** True when this list page is served cut in the middle. */
    public boolean nextPageTruncated() {
        return bursts.truncatedPages().take();
    }

    /** API requests (storm, outage) and report list pages (cut short). */
    public VendorBursts bursts() {
        return bursts;
    }

    public synchronized long apiRequests() {
        return apiRequests;
    }

    /** Starts the counters again and switches the bursts off, as after an application start. */
    public synchronized void reset() {
        apiRequests = 0;
        downloads = 0;
        expireDownloads = 0;
        bursts.reset();
    }

    private static boolean hits(int every, long n) {
        return every > 0 && n % every == 0;
    }
}
