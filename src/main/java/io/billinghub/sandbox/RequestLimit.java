package io.billinghub.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's request limit as the vendors publish it (CXone: a burst capacity and a refill rate): a bucket of
 * {@code burst} requests refilled at {@code requestsPerSecond}. Enforced, as API gateways do, by the generic cell
 * rate algorithm: a request is admitted unless it comes before its theoretical arrival time less the burst's
 * tolerance. A refused request costs nothing and is told how long until one would be admitted (its Retry-After).
 * Off (rate 0) unless configured or set by a test. Time is the application's clock; the arithmetic is exact
 * (nanoseconds scaled by the rate), so a client pacing at exactly the rate is never refused for a rounding.
 */
public final class RequestLimit {

    private static final long SECOND = 1_000_000_000L;

    private final Clock clock;
    private final int configuredRate;
    private final int configuredBurst;
    private int rate;
    private int burst;
    /** Time zero of the scaled arithmetic: moved up whenever the bucket is full, so the numbers stay small. */
    private Instant origin;
    /** When the next request is due, in nanoseconds since origin times the rate. */
    private long theoreticalArrival;
    private long admitted;
    private long refused;

    /**
     * @param requestsPerSecond the sustained rate (0 = no limit)
     * @param burst             requests a full bucket admits at once (at least 1)
     */
    public RequestLimit(int requestsPerSecond, int burst, Clock clock) {
        check(requestsPerSecond, burst);
        this.clock = clock;
        this.configuredRate = requestsPerSecond;
        this.configuredBurst = burst;
        this.rate = requestsPerSecond;
        this.burst = burst;
    }

    /** Counts one request: empty when admitted, else the wait until a request would be admitted. */
    public synchronized Optional<Duration> admit() {
        if (rate == 0) {
            admitted++;
            return Optional.empty();
        }
        Instant now = clock.instant();
        long at = origin == null || now.isBefore(origin) ? 0 : Duration.between(origin, now).toNanos() * rate;
        if (origin == null || now.isBefore(origin) || theoreticalArrival <= at) {
            origin = now;
            at = 0;
            theoreticalArrival = 0;
        }
        long earliest = theoreticalArrival - (burst - 1) * SECOND;
        if (at < earliest) {
            refused++;
            return Optional.of(Duration.ofNanos((earliest - at + rate - 1) / rate));
        }
        theoreticalArrival = Math.max(theoreticalArrival, at) + SECOND;
        admitted++;
        return Optional.empty();
    }

    /** The Retry-After header for a wait: whole seconds, rounded up (HTTP has no finer unit), at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + SECOND - 1) / SECOND);
    }

    /** A test hook: this limit from now on (a full bucket), until {@link #reset()}. */
    public synchronized void limit(int requestsPerSecond, int newBurst) {
        check(requestsPerSecond, newBurst);
        rate = requestsPerSecond;
        burst = newBurst;
        origin = null;
    }

    public synchronized int requestsPerSecond() {
        return rate;
    }

    public synchronized int burst() {
        return burst;
    }

    public synchronized long admitted() {
        return admitted;
    }

    /** Requests refused with a 429 since the last {@link #reset()}. */
    public synchronized long refused() {
        return refused;
    }

    /** The configured limit, a full bucket and no requests counted, as after an application start. */
    public synchronized void reset() {
        rate = configuredRate;
        burst = configuredBurst;
        origin = null;
        admitted = 0;
        refused = 0;
    }

    private static void check(int requestsPerSecond, int burst) {
        if (requestsPerSecond < 0 || burst < 1) {
            throw new IllegalArgumentException("a request limit needs a rate of at least 0 and a burst of at least 1,"
                    + " was " + requestsPerSecond + " per second, burst " + burst);
        }
    }
}
