package io.billinghub.extraction.cxone;

import io.billinghub.platform.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Paces the calls of NICE's Data Extraction API per tenant: about one per 30 s is all it allows, far below the
 * requests-per-second budgets of {@code RequestBudgets}, so the wait happens here, with the injected Sleeper and
 * Clock (a test's simulated clock moves instead of blocking).
 */
@Component
public class CxoneJobPacing {

    private final Map<String, Instant> lastCalls = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Sleeper sleeper;

    public CxoneJobPacing(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Waits until {@code interval} has passed since the tenant's previous call, then counts this one. A previous
     * call stamped after now (the clock was set back) waits at most one interval.
     */
    public void awaitTurn(String tenantId, Duration interval) throws InterruptedException {
        Instant last = lastCalls.get(tenantId);
        Instant now = clock.instant();
        if (last != null) {
            Duration wait = Duration.between(now, last.plus(interval));
            if (wait.compareTo(interval) > 0) {
                wait = interval;
            }
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
            }
        }
        lastCalls.put(tenantId, clock.instant());
    }
}
