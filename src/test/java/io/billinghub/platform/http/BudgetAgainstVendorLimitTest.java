package io.billinghub.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.SettableClock;
import io.billinghub.sandbox.RequestLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The hub's budget against the vendor's limit, as the sandbox enforces it ({@link RequestLimit}), on one simulated
 * clock: the hub's waits move it, the vendor reads it, so the boundaries meet exactly and nothing is timed.
 */
class BudgetAgainstVendorLimitTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    /**
     * Whatever the rate and however long the caller works between requests, a budget equal to the vendor's rate is
     * never refused, by a limit without burst either; a budget one request per second above it is refused as soon
     * as requests come back to back.
     */
    @Property(tries = 200)
    void aBudgetEqualToTheLimitIsNeverRefused(
            @ForAll @IntRange(min = 1, max = 100) int rate, @ForAll @IntRange(min = 1, max = 10) int burst,
            @ForAll @Size(min = 1, max = 300) List<@IntRange(max = 250_000_000) Integer> workNanos)
            throws InterruptedException {
        SettableClock clock = new SettableClock(T0);
        RequestBudgets budgets = new RequestBudgets(clock, clock::advance);
        RequestLimit vendor = new RequestLimit(rate, burst, clock);
        for (int work : workNanos) {
            clock.advance(Duration.ofNanos(work));
            budgets.acquire("tenant", rate);
            assertThat(vendor.admit()).isEmpty();
        }
        assertThat(vendor.admitted()).isEqualTo(workNanos.size());

        RequestLimit stricter = new RequestLimit(rate, 1, clock);
        clock.advance(Duration.ofSeconds(1));
        for (int request = 0; request < 2 * rate + 2; request++) {
            budgets.acquire("too-generous", rate + 1);
            stricter.admit();
        }
        assertThat(stricter.refused()).isPositive();
    }

    /**
     * Genesys Cloud counts requests per token in fixed windows and says so on every answer (inin-ratelimit-*): a
     * budget well above its limit is still never refused once the hub paces by those headers, whether the window
     * reset is reported rounded up or down to whole seconds.
     */
    @Property(tries = 200)
    void pacingByTheVendorsHeadersIsNeverRefused(
            @ForAll @IntRange(min = 1, max = 20) int allowed, @ForAll @IntRange(min = 1, max = 5) int windowSeconds,
            @ForAll @IntRange(min = 2, max = 50) int budget, @ForAll boolean roundedDown,
            @ForAll @Size(min = 1, max = 200) List<@IntRange(max = 250_000_000) Integer> workNanos)
            throws InterruptedException {
        SettableClock clock = new SettableClock(T0);
        RequestBudgets budgets = new RequestBudgets(clock, clock::advance);
        FixedWindowLimit vendor = new FixedWindowLimit(allowed, Duration.ofSeconds(windowSeconds), clock, roundedDown);
        for (int work : workNanos) {
            clock.advance(Duration.ofNanos(work));
            budgets.acquire("genesys", budget);
            assertThat(vendor.admit()).isTrue();
            budgets.pause("genesys", RateLimitHeaders.pause(Integer.toString(allowed),
                    Integer.toString(vendor.count), Long.toString(vendor.resetSeconds())));
        }
    }

    /** A limit of {@code allowed} requests per fixed window starting at T0, as Genesys Cloud counts them. */
    private static final class FixedWindowLimit {
        private final int allowed;
        private final Duration window;
        private final SettableClock clock;
        private final boolean roundedDown;
        private long windowIndex = -1;
        private int count;

        FixedWindowLimit(int allowed, Duration window, SettableClock clock, boolean roundedDown) {
            this.allowed = allowed;
            this.window = window;
            this.clock = clock;
            this.roundedDown = roundedDown;
        }

        boolean admit() {
            long index = Duration.between(T0, clock.instant()).toNanos() / window.toNanos();
            if (index != windowIndex) {
                windowIndex = index;
                count = 0;
            }
            if (count >= allowed) {
                return false;
            }
            count++;
            return true;
        }

        long resetSeconds() {
            Instant reset = T0.plus(window.multipliedBy(windowIndex + 1));
            long nanos = Duration.between(clock.instant(), reset).toNanos();
            return roundedDown ? nanos / 1_000_000_000L : (nanos + 999_999_999L) / 1_000_000_000L;
        }
    }
}
