package io.billinghub.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic fault injection: request counters, not chance, decide which requests fail, so a test can say in
 * advance which request gets a 429 or a 503. Counters run across the whole application until {@link #reset()}.
 * The bursts (outages, 429 storms, pages cut short, ERP answers lost) are test hooks, off until armed.
 */
public final class SandboxFaults {

    public enum UsageFault { NONE, RATE_LIMITED, UNAVAILABLE }

    private final int rateLimitEvery;
    private final int unavailableEvery;
    private final int erpUnavailableFirst;
    private final AtomicLong usageRequests = new AtomicLong();
    private final AtomicLong erpPosts = new AtomicLong();
    private final VendorBursts usage = new VendorBursts();
    private final FaultBurst erpOutage = new FaultBurst();
    private final FaultBurst lostErpAnswers = new FaultBurst();

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
     * Counts one usage (or organisation) request and says how it fails. Checked before authentication, as a
     * gateway in front of the API would; when both counters hit the same request, the rate limit wins.
     */
    public UsageFault nextUsageRequest() {
        long n = usageRequests.incrementAndGet();
        if (usage.outage().take()) {
            return UsageFault.UNAVAILABLE;
        }
        if (usage.storm().take() || rateLimitEvery > 0 && n % rateLimitEvery == 0) {
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
        // the outage counts this post even when it falls into the start-up, as both are one unavailable ERP
        boolean out = erpOutage.take();
        return out || n <= erpUnavailableFirst;
    }

    /** True when the ERP, having stored this post, loses its answer (a gateway timeout in front of it). */
    public boolean nextErpAnswerLost() {
        return lostErpAnswers.take();
    }

    /** True when this page is served cut in the middle, with 200 OK and a length that matches the cut body. */
    public boolean nextPageTruncated() {
        return usage.truncatedPages().take();
    }

    /** An outage: the next {@code requests} usage requests answer 503. */
    public void usageOutage(int requests) {
        usage.outage().arm(requests);
    }

    /** An outage: the next {@code posts} ERP posts answer 503. */
    public void erpOutage(int posts) {
        erpOutage.arm(posts);
    }

    /** The bursts of the usage and organisation APIs. */
    public VendorBursts usage() {
        return usage;
    }

    public FaultBurst erpOutage() {
        return erpOutage;
    }

    /** ERP posts stored by the sink whose answer never reaches the hub (504). */
    public FaultBurst lostErpAnswers() {
        return lostErpAnswers;
    }

    public long usageRequests() {
        return usageRequests.get();
    }

    public long erpPosts() {
        return erpPosts.get();
    }

    /** Starts the counters again and switches the bursts off, as after an application start. */
    public void reset() {
        usageRequests.set(0);
        erpPosts.set(0);
        usage.reset();
        erpOutage.reset();
        lostErpAnswers.reset();
    }
}
