package io.billinghub.sandbox.cxone;

import io.billinghub.sandbox.VendorBursts;

/**
 * Deterministic faults of the CXone sandbox API (usage reports, their status and data, invoices; not the token
 * endpoint): request counters, not chance, decide which requests fail. Every {@code rateLimitEvery}-th request
 * starts a "429 storm": it and the next {@code rateLimitBurst - 1} requests answer 429. Every
 * {@code unavailableEvery}-th request answers 503, unless a storm already covers it. Counters run across the
 * application until {@link #reset()}. The bursts (a storm or an outage of a set length, pages cut short) are test
 * hooks, off until armed; so is {@link #behave}, which sets other periods until the reset.
 */
public final class CxoneSandboxFaults {

    public enum Fault { NONE, RATE_LIMITED, UNAVAILABLE }

    private final int configuredRateLimitEvery;
    private final int configuredRateLimitBurst;
    private final int configuredUnavailableEvery;
    private int rateLimitEvery;
    private int rateLimitBurst;
    private int unavailableEvery;
    private long requests;
    private long rateLimited;
    private long stormUntil;
    private final VendorBursts bursts = new VendorBursts();

    /**
     * @param rateLimitEvery   every Nth request starts a storm of 429s (0 = never)
     * @param rateLimitBurst   consecutive 429s per storm (at least 1)
     * @param unavailableEvery every Nth request answers 503 (0 = never)
     */
    public CxoneSandboxFaults(int rateLimitEvery, int rateLimitBurst, int unavailableEvery) {
        check(rateLimitEvery, rateLimitBurst, unavailableEvery);
        this.configuredRateLimitEvery = rateLimitEvery;
        this.configuredRateLimitBurst = rateLimitBurst;
        this.configuredUnavailableEvery = unavailableEvery;
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
            rateLimited++;
            return Fault.RATE_LIMITED;
        }
        if (rateLimitEvery > 0 && n % rateLimitEvery == 0) {
            stormUntil = Math.max(stormUntil, n + rateLimitBurst - 1);
        }
        if (n <= stormUntil) {
            rateLimited++;
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

    /** A test hook: these periods from the next request on (counted from the last reset), until {@link #reset()}. */
    public synchronized void behave(int newRateLimitEvery, int newRateLimitBurst, int newUnavailableEvery) {
        check(newRateLimitEvery, newRateLimitBurst, newUnavailableEvery);
        rateLimitEvery = newRateLimitEvery;
        rateLimitBurst = newRateLimitBurst;
        unavailableEvery = newUnavailableEvery;
    }

    public synchronized long requests() {
        return requests;
    }

    /** Requests answered 429 (storms and periodic ones) since the last reset. */
    public synchronized long rateLimited() {
        return rateLimited;
    }

    /** Starts the counters again, restores the configured periods and switches the bursts off, as after a start. */
    public synchronized void reset() {
        requests = 0;
        rateLimited = 0;
        stormUntil = 0;
        rateLimitEvery = configuredRateLimitEvery;
        rateLimitBurst = configuredRateLimitBurst;
        unavailableEvery = configuredUnavailableEvery;
        bursts.reset();
    }

    private static void check(int rateLimitEvery, int rateLimitBurst, int unavailableEvery) {
        if (rateLimitEvery < 0 || unavailableEvery < 0 || rateLimitBurst < 1) {
            throw new IllegalArgumentException("fault counters must not be negative and a burst at least 1");
        }
    }
}
