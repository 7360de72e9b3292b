package io.billinghub.sandbox.cxone;

import io.billinghub.sandbox.VendorBursts;

/**
 * Deterministic faults of the CXone sandbox API (usage reports, their status and data, invoices; not the token
 * endpoint): request counters, not chance, decide which requests fail. Every {@code rateLimitEvery}-th request
 * starts a "429 storm": it and the next {@code rateLimitBurst - 1} requests answer 429. Every
 * {@code unavailableEvery}-th request answers 503, unless a storm already covers it. Counters run across the
 * application until {@link #reset()}. The bursts (a storm or an outage of a set length, pages cut short) are test
 * hooks, off until armed.
 */
public final class CxoneSandboxFaults {

    public enum Fault { NONE, RATE_LIMITED, UNAVAILABLE }

    private final int rateLimitEvery;
    private final int rateLimitBurst;
    private final int unavailableEvery;
    private long requests;
    private long stormUntil;
    private final VendorBursts bursts = new VendorBursts();

    /**
     * @param rateLimitEvery   every Nth request starts a storm of 429s (0 = never)
     * @param rateLimitBurst   consecutive 429s per storm (at least 1)
     * @param unavailableEvery every Nth request answers 503 (0 = never)
     */
    public CxoneSandboxFaults(int rateLimitEvery, int rateLimitBurst, int unavailableEvery) {
        if (rateLimitEvery < 0 || unavailableEvery < 0 || rateLimitBurst < 1) {
            throw new IllegalArgumentException("fault counters must not be negative and a burst at least 1");
        }
        this.rateLimitEvery = rateLimitEvery;
        this.rateLimitBurst = rateLimitBurst;
        this.unavailableEvery = unavailableEvery;
    }

    /** Counts one API request and says how it fails. Checked before authentication, like a gateway. */
    public synchronized Fault nextRequest() {
        long n = ++requests;
        if (bursts.outage().take()) {
            return Fault.UNAVAILABLE;
        }
        if (bursts.storm().take()) {
            return Fault.RATE_LIMITED;
        }
        if (rateLimitEvery > 0 && n % rateLimitEvery == 0) {
            stormUntil = Math.max(stormUntil, n + rateLimitBurst - 1);
        }
        if (n <= stormUntil) {
            return Fault.RATE_LIMITED;
        }
        if (unavailableEvery > 0 && n % unavailableEvery == 0) {
            return Fault.UNAVAILABLE;
        }
        return Fault.NONE;
    }

    /** True when this page (report data, organisation) is served cut in the middle. */
    public boolean nextPageTruncated() {
        return bursts.truncatedPages().take();
    }

    public VendorBursts bursts() {
        return bursts;
    }

    public synchronized long requests() {
        return requests;
    }

    /** Starts the counters again and switches the bursts off, as after an application start. */
    public synchronized void reset() {
        requests = 0;
        stormUntil = 0;
        bursts.reset();
    }
}
