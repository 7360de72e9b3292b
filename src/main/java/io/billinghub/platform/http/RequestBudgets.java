package io.billinghub.platform.http;

import io.billinghub.platform.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The request budgets of the vendor tenants, one per budget key: a token bucket refilled at the tenant's
 * requests-per-second that holds a single request. Requests therefore leave evenly spaced, 1/rate apart, and an
 * idle tenant saves nothing up. The vendors publish their limits as a bucket of the same rate that holds a burst of
 * several requests: leaving the burst unused is the margin that absorbs the network's jitter, so a budget equal to
 * the vendor's rate is sustained without a 429 (README "Extraction at the vendors' limits").
 */
@Component
public class RequestBudgets {

    private final Map<String, Slots> slots = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Sleeper sleeper;

    public RequestBudgets(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until the key's budget allows one more request; threads sharing a key leave in the order they came. */
    public void acquire(String key, int requestsPerSecond) throws InterruptedException {
        Duration wait = reserve(key, requestsPerSecond);
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /**
     * Holds the key's next request back until {@code pause} from now at least, whatever its rate allows: the vendor
     * said how fast the requests it still accepts may come ({@link RateLimitHeaders}).
     */
    public void pause(String key, Duration pause) {
        if (!pause.isZero() && !pause.isNegative()) {
            slots.computeIfAbsent(key, k -> new Slots()).holdUntil(clock.instant().plus(pause));
        }
    }

    /** Books the key's next slot and returns how long from now until it: the caller leaves after that wait. */
    Duration reserve(String key, int requestsPerSecond) {
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("the request budget of " + key + " must be positive, was "
                    + requestsPerSecond);
        }
        return slots.computeIfAbsent(key, k -> new Slots()).reserve(clock, requestsPerSecond);
    }

    /**
     * The slot of a key's last booked request (possibly still ahead), the latest time the clock showed, and the
     * instant before which the vendor asked for no further request.
     */
    private static final class Slots {
        private Instant last;
        private Instant seen;
        private Instant notBefore;

        synchronized void holdUntil(Instant instant) {
            notBefore = notBefore == null || instant.isAfter(notBefore) ? instant : notBefore;
        }

        // the clock is read under the lock: a thread that read it earlier must not book after a later one
        synchronized Duration reserve(Clock clock, int requestsPerSecond) {
            Instant now = clock.instant();
            // a clock set back (a test, an NTP step) starts the key afresh rather than waiting out the difference
            if (seen != null && now.isBefore(seen)) {
                last = null;
                notBefore = null;
            }
            seen = now;
            // rounded up, so that no request leaves before the instant a bucket of exactly this rate refills
            Instant next = last == null ? now
                    : last.plusNanos((1_000_000_000L + requestsPerSecond - 1) / requestsPerSecond);
            if (notBefore != null && next.isBefore(notBefore)) {
                next = notBefore;
            }
            last = next.isAfter(now) ? next : now;
            return Duration.between(now, last);
        }
    }
}
