package io.billinghub.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic fault injection: request counters, not chance, decide which requests fail, so a test can say in
 * advance which request gets a 429 or a 503. Counters run across the whole application until {@link #reset()}.
 */
public final class SandboxFaults {

    public enum UsageFault { NONE, RATE_LIMITED, UNAVAILABLE }

    private final int rateLimitEvery;
    private final int unavailableEvery;
    private final int erpUnavailableFirst;
    private final AtomicLong usageRequests = new AtomicLong();
    private final AtomicLong erpPosts = new AtomicLong();
    private final AtomicLong usageOutageUntil = new AtomicLong();
    private final AtomicLong erpOutageUntil = new AtomicLong();

    /**
     * @param rateLimitEvery      every Nth usage request is rate limited (0 = never)
     * @param unavailableEvery    every Nth usage request is unavailable (0 = never)
     * @param erpUnavailableFirst the first N ERP posts are unavailable
     */
    public SandboxFaults(int rateLimitEvery, int unavailableEvery, int erpUnavailableFirst) {
        this.rateLimitEvery = rateLimitEvery;
        this.unavailableEvery = unavailableEvery;
        this.erpUnavailableFirst = erpUnavailableFirst;
    }

    /**
     * Counts one usage request and says how it fails. Checked before authentication, as a gateway in front of the
     * API would; when both counters hit the same request, the rate limit wins.
     */
    public UsageFault nextUsageRequest() {
        long n = usageRequests.incrementAndGet();
        if (n <= usageOutageUntil.get()) {
            return UsageFault.UNAVAILABLE;
        }
        if (rateLimitEvery > 0 && n % rateLimitEvery == 0) {
            return UsageFault.RATE_LIMITED;
        }
        if (unavailableEvery > 0 && n % unavailableEvery == 0) {
            return UsageFault.UNAVAILABLE;
        }
        return UsageFault.NONE;
    }

    /** Counts one ERP post; true while the ERP is still "starting up" (the first erpUnavailableFirst posts) or out. */
    public boolean nextErpPostUnavailable() {
        long n = erpPosts.incrementAndGet();
        return n <= erpUnavailableFirst || n <= erpOutageUntil.get();
    }

    /** An outage: the next {@code requests} usage requests answer 503. */
    public void usageOutage(int requests) {
        usageOutageUntil.set(usageRequests.get() + requests);
    }

    /** An outage: the next {@code posts} ERP posts answer 503. */
    public void erpOutage(int posts) {
        erpOutageUntil.set(erpPosts.get() + posts);
    }

    public long usageRequests() {
        return usageRequests.get();
    }

    public long erpPosts() {
        return erpPosts.get();
    }

    /** Starts both counters again, as after an application start. */
    public void reset() {
        usageRequests.set(0);
        erpPosts.set(0);
        usageOutageUntil.set(0);
        erpOutageUntil.set(0);
    }
}
