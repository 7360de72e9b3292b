package io.billinghub.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.platform.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tenants' request budgets on simulated time: waiting moves the clock, so pacing is counted, never timed. */
class RequestBudgetsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final RequestBudgets budgets = new RequestBudgets(clock, clock::advance);

    @Test
    void aBusyTenantGetsExactlyItsBudgetInEverySecond() throws InterruptedException {
        List<Instant> departures = depart("cxone:acme", 10, 1001);

        // evenly spaced, 100 ms apart from the first request on: the 1001st leaves after exactly 100 s
        for (int i = 0; i < departures.size(); i++) {
            assertThat(departures.get(i)).isEqualTo(T0.plusMillis(100L * i));
        }
        // every window of one second, wherever it starts, holds exactly 10 requests
        for (int start = 0; start + 10 < departures.size(); start++) {
            assertThat(departures.get(start + 9)).isBefore(departures.get(start).plusSeconds(1));
            assertThat(departures.get(start + 10)).isEqualTo(departures.get(start).plusSeconds(1));
        }
    }

    @Test
    void aRateThatDoesNotDivideASecondIsRoundedUpNeverDown() throws InterruptedException {
        List<Instant> departures = depart("webex:partner", 3, 4);

        assertThat(departures).containsExactly(T0, T0.plusNanos(333_333_334), T0.plusNanos(666_666_668),
                T0.plusNanos(1_000_000_002));
    }

    @Test
    void anIdleTenantSavesNothingUpAndTenantsDoNotShare() throws InterruptedException {
        depart("cxone:acme", 10, 1);
        clock.advance(Duration.ofSeconds(5));

        assertThat(budgets.reserve("cxone:acme", 10)).isZero();
        assertThat(budgets.reserve("cxone:acme", 10)).isEqualTo(Duration.ofMillis(100));
        assertThat(budgets.reserve("genesys:acme", 10)).isZero();
        // booked, not yet left: the third request of the same tenant queues behind the second
        assertThat(budgets.reserve("cxone:acme", 10)).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aClockSetBackStartsAfreshInsteadOfWaitingTheDifferenceOut() throws InterruptedException {
        depart("cxone:acme", 10, 50);
        clock.set(T0);

        assertThat(budgets.reserve("cxone:acme", 10)).isZero();
        assertThat(budgets.reserve("cxone:acme", 10)).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> budgets.reserve("cxone:acme", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Instant> depart(String key, int requestsPerSecond, int requests) throws InterruptedException {
        List<Instant> departures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            budgets.acquire(key, requestsPerSecond);
            departures.add(clock.instant());
        }
        return departures;
    }

    @Test
    void aPauseTheVendorAsksForHoldsTheNextRequestBackButNeverSpeedsItUp() {
        assertThat(budgets.reserve("genesys:acme", 10)).isZero();
        // the answer said: wait 250 ms before the next request (more than the 100 ms the budget spaces)
        budgets.pause("genesys:acme", Duration.ofMillis(250));
        assertThat(budgets.reserve("genesys:acme", 10)).isEqualTo(Duration.ofMillis(250));
        // after that, the budget's own spacing again: 100 ms after the held request
        assertThat(budgets.reserve("genesys:acme", 10)).isEqualTo(Duration.ofMillis(350));
        // a pause shorter than the spacing changes nothing
        budgets.pause("genesys:acme", Duration.ofMillis(20));
        assertThat(budgets.reserve("genesys:acme", 10)).isEqualTo(Duration.ofMillis(450));
        // other tenants are not held
        assertThat(budgets.reserve("genesys:other", 10)).isZero();
    }
}
