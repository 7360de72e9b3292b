package io.billinghub.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    @Test
    void theRequestsLeftAreSpreadOverTheTimeLeft() {
        // 300 allowed per window, 100 made, 40 s to the reset: 200 left, one every 40 s / 200 = 200 ms
        assertThat(RateLimitHeaders.pause("300", "100", "40")).isEqualTo(Duration.ofMillis(200));
        // early in the window: 299 left over 59 s is one every 197.324... ms (nanosecond precision, rounded down)
        assertThat(RateLimitHeaders.pause("300", "1", "59")).isEqualTo(Duration.ofNanos(197_324_414));
    }

    @Test
    void withNoRequestLeftTheNextWaitsForTheResetAndASecondMore() {
        // the reset is given in whole seconds, possibly rounded down: one second more is never too early
        assertThat(RateLimitHeaders.pause("300", "300", "12")).isEqualTo(Duration.ofSeconds(13));
        assertThat(RateLimitHeaders.pause("300", "305", "12")).isEqualTo(Duration.ofSeconds(13));
        assertThat(RateLimitHeaders.pause("300", "300", "0")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void absentOrUnreadableHeadersDoNotPace() {
        assertThat(RateLimitHeaders.pause(null, null, null)).isZero();
        assertThat(RateLimitHeaders.pause("300", "x", "12")).isZero();
        assertThat(RateLimitHeaders.pause("300", "10", "-1")).isZero();
        // requests left and the window resets now: no reason to wait
        assertThat(RateLimitHeaders.pause("300", "10", "0")).isZero();
        assertThat(RateLimitHeaders.pause("0", "0", "60")).isZero();
    }
}
