package io.billinghub.extraction.cxone;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Data Extraction pacing: waits measured on a settable clock, the Sleeper moving it. */
class CxoneJobPacingTest {

    private static final Instant T0 = Instant.parse("2026-11-10T00:00:00Z");
    private static final Duration THIRTY = Duration.ofSeconds(30);

    private final SettableClock clock = new SettableClock(T0);
    private final List<Duration> waits = new ArrayList<>();
    private final CxoneJobPacing pacing = new CxoneJobPacing(clock, d -> {
        waits.add(d);
        clock.advance(d);
    });

    @Test
    void callsOfATenantAreSpacedByTheIntervalAndTenantsDoNotWaitForEachOther() throws InterruptedException {
        pacing.awaitTurn("a", THIRTY);
        // 12 s later: 18 s left to wait
        clock.advance(Duration.ofSeconds(12));
        pacing.awaitTurn("a", THIRTY);
        pacing.awaitTurn("b", THIRTY);
        // 45 s after a's second call (at T0 + 30 s): no wait
        clock.advance(Duration.ofSeconds(45));
        pacing.awaitTurn("a", THIRTY);

        assertThat(waits).containsExactly(Duration.ofSeconds(18));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(75));
    }

    @Test
    void aClockSetBackWaitsOneIntervalAtMost() throws InterruptedException {
        pacing.awaitTurn("a", THIRTY);
        clock.set(T0.minusSeconds(3600));
        pacing.awaitTurn("a", THIRTY);

        assertThat(waits).containsExactly(THIRTY);
    }
}
