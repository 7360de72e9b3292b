package io.billinghub.sandbox;

/**
 * A test hook of the sandboxes: the next N requests of one kind fail one way (a 429 storm, a 5xx outage, a page
 * cut in the middle). Off (0) until a test arms it; counts what it served, so a test can report how many faults it
 * injected.
 */
public final class FaultBurst {

    private int passing;
    private int remaining;
    private long served;

    /** The next {@code requests} requests fail (0 switches the burst off). */
    public synchronized void arm(int requests) {
        armAfter(0, requests);
    }

    /** The next {@code passing} requests pass, then {@code requests} fail: a burst in the middle of a run. */
    public synchronized void armAfter(int passingRequests, int requests) {
        if (passingRequests < 0 || requests < 0) {
            throw new IllegalArgumentException("a burst cannot be negative: " + passingRequests + ", " + requests);
        }
        passing = passingRequests;
        remaining = requests;
    }

    /** Counts one request; true when it is one of the burst's. */
    public synchronized boolean take() {
        if (remaining == 0) {
            return false;
        }
        if (passing > 0) {
            passing--;
            return false;
        }
        remaining--;
        served++;
        return true;
    }

    /** How many requests the burst failed since the last {@link #reset()}. */
    public synchronized long served() {
        return served;
    }

    /** How many requests of the armed burst are still to fail. */
    public synchronized int remaining() {
        return remaining;
    }

    public synchronized void reset() {
        passing = 0;
        remaining = 0;
        served = 0;
    }
}
