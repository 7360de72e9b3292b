package io.billinghub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.platform.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The vendor's request limit on a hand-moved clock: a bucket of {@code burst} requests refilled at the rate. */
class RequestLimitTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final SettableClock clock = new SettableClock(T0);

    @Test
    void aFullBucketAdmitsItsBurstThenOneRequestPerRefill() {
        RequestLimit limit = new RequestLimit(10, 3, clock);

        assertThat(limit.admit()).isEmpty();
        assertThat(limit.admit()).isEmpty();
        assertThat(limit.admit()).isEmpty();
        // the bucket is empty: the next request is due when the first request's token is back, 100 ms on
        assertThat(limit.admit()).contains(Duration.ofMillis(100));
        clock.advance(Duration.ofMillis(60));
        assertThat(limit.admit()).contains(Duration.ofMillis(40));
        clock.advance(Duration.ofMillis(40));
        assertThat(limit.admit()).isEmpty();
        assertThat(limit.admit()).contains(Duration.ofMillis(100));
        assertThat(limit.admitted()).isEqualTo(4);
        assertThat(limit.refused()).isEqualTo(3);
    }

    @Test
    void withoutBurstRequestsMustBeExactlyOneIntervalApart() {
        RequestLimit limit = new RequestLimit(3, 1, clock);

        assertThat(limit.admit()).isEmpty();
        // a third of a second is 333,333,333.3 ns: one nanosecond short of the rounded-up interval is too early
        clock.advance(Duration.ofNanos(333_333_333));
        assertThat(limit.admit()).contains(Duration.ofNanos(1));
        clock.advance(Duration.ofNanos(1));
        assertThat(limit.admit()).isEmpty();
        // an idle second refills the bucket, but never beyond its one request
        clock.advance(Duration.ofSeconds(1));
        assertThat(limit.admit()).isEmpty();
        assertThat(limit.admit()).isPresent();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(RequestLimit.retryAfterSeconds(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(RequestLimit.retryAfterSeconds(Duration.ofMillis(1000))).isEqualTo(1);
        assertThat(RequestLimit.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
    }

    @Test
    void offUnlessConfiguredAndATestsLimitLastsUntilTheReset() {
        RequestLimit limit = new RequestLimit(0, 10, clock);
        for (int request = 0; request < 1000; request++) {
            assertThat(limit.admit()).isEmpty();
        }
        limit.limit(1, 1);
        assertThat(limit.admit()).isEmpty();
        assertThat(limit.admit()).contains(Duration.ofSeconds(1));
        assertThat(limit.requestsPerSecond()).isEqualTo(1);
        assertThat(limit.burst()).isEqualTo(1);

        limit.reset();
        assertThat(limit.requestsPerSecond()).isZero();
        assertThat(limit.admitted()).isZero();
        assertThat(limit.refused()).isZero();
        assertThatThrownBy(() -> limit.limit(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestLimit(-1, 1, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClockSetBackStartsWithAFullBucket() {
        RequestLimit limit = new RequestLimit(1, 1, clock);
        clock.advance(Duration.ofHours(1));
        assertThat(limit.admit()).isEmpty();

        clock.set(T0);
        assertThat(limit.admit()).isEmpty();
        assertThat(limit.admit()).contains(Duration.ofSeconds(1));
    }
}
