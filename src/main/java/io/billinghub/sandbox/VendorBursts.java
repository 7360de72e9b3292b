package io.billinghub.sandbox;

/**
 * The test hooks every vendor API of the sandbox has, each off until a test arms it: a 429 storm, a 503 outage, and
 * pages served cut in the middle.
 */
public final class VendorBursts {

    private final FaultBurst storm = new FaultBurst();
    private final FaultBurst outage = new FaultBurst();
    private final FaultBurst truncatedPages = new FaultBurst();

    /** Requests answered 429, on top of the periodic ones. */
    public FaultBurst storm() {
        return storm;
    }

    /** Requests answered 503. */
    public FaultBurst outage() {
        return outage;
    }

    /** Pages served with 200 OK but cut in the middle. */
    public FaultBurst truncatedPages() {
        return truncatedPages;
    }

    public void reset() {
        storm.reset();
        outage.reset();
        truncatedPages.reset();
    }
}
