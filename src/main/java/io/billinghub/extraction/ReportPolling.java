package io.billinghub.extraction;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to ask for a report's status again: exponential backoff from the initial delay (15 s) doubling up to the cap
 * (60 s), each delay spread by ± jitter so tenants polling together drift apart; and when to give up (a report
 * still PROCESSING 45 minutes after it was submitted).
 */
public final class ReportPolling {

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double jitter;
    private final Duration timeout;
    private final DoubleSupplier random;

    /** @param random values in [0, 1) for the jitter */
    public ReportPolling(Duration initialDelay, Duration maxDelay, double jitter, Duration timeout,
                         DoubleSupplier random) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.jitter = jitter;
        this.timeout = timeout;
        this.random = random;
    }

    /** The wait before status request number {@code poll} (1 for the first). */
    public Duration delayBefore(int poll) {
        long base = initialDelay.toMillis();
        for (int i = 1; i < poll && base < maxDelay.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, maxDelay.toMillis());
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(base * spread));
    }

    public boolean timedOut(Instant submittedAt, Instant now) {
        return !now.isBefore(submittedAt.plus(timeout));
    }

    public Duration timeout() {
        return timeout;
    }
}
