package io.billinghub.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportPollingTest {

    @Test
    void backsOffFrom15SecondsToA60SecondCapWithJitter() {
        // random 0.5 -> no spread: 15, 30, 60, 60 s
        ReportPolling even = new ReportPolling(Duration.ofSeconds(15), Duration.ofSeconds(60), 0.2,
                Duration.ofMinutes(45), () -> 0.5);
        assertThat(even.delayBefore(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(even.delayBefore(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(even.delayBefore(3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(even.delayBefore(9)).isEqualTo(Duration.ofSeconds(60));
        // jitter ± 20 %: random 0 -> 0.8 × 15 s = 12 s; random → 1 -> 1.2 × 60 s = 72 s at most
        assertThat(new ReportPolling(Duration.ofSeconds(15), Duration.ofSeconds(60), 0.2, Duration.ofMinutes(45),
                () -> 0.0).delayBefore(1)).isEqualTo(Duration.ofSeconds(12));
        assertThat(new ReportPolling(Duration.ofSeconds(15), Duration.ofSeconds(60), 0.2, Duration.ofMinutes(45),
                () -> 0.999).delayBefore(5)).isEqualTo(Duration.ofMillis(71976));
    }

    @Test
    void givesUpFortyFiveMinutesAfterSubmission() {
        ReportPolling polling = new ReportPolling(Duration.ofSeconds(15), Duration.ofSeconds(60), 0.2,
                Duration.ofMinutes(45), () -> 0.5);
        Instant submitted = Instant.parse("2026-11-02T10:00:00Z");
        assertThat(polling.timedOut(submitted, submitted.plus(Duration.ofMinutes(44)).plusSeconds(59))).isFalse();
        assertThat(polling.timedOut(submitted, submitted.plus(Duration.ofMinutes(45)))).isTrue();
    }
}
