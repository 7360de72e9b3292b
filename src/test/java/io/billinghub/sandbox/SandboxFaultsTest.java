package io.billinghub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.sandbox.SandboxFaults.UsageFault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxFaultsTest {

    @Test
    void everySeventhRequestIsRateLimitedAndEveryEleventhUnavailable() {
        SandboxFaults faults = new SandboxFaults(7, 11, 0);
        List<Integer> rateLimited = new ArrayList<>();
        List<Integer> unavailable = new ArrayList<>();
        for (int request = 1; request <= 80; request++) {
            UsageFault fault = faults.nextUsageRequest();
            if (fault == UsageFault.RATE_LIMITED) {
                rateLimited.add(request);
            } else if (fault == UsageFault.UNAVAILABLE) {
                unavailable.add(request);
            }
        }
        // Multiples of 7 up to 80; multiples of 11 except 77, which is also a multiple of 7 and the rate limit wins.
        assertThat(rateLimited).containsExactly(7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77);
        assertThat(unavailable).containsExactly(11, 22, 33, 44, 55, 66);
        assertThat(faults.usageRequests()).isEqualTo(80);
    }

    @Test
    void zeroDisablesAFault() {
        SandboxFaults faults = new SandboxFaults(0, 0, 0);
        for (int request = 1; request <= 100; request++) {
            assertThat(faults.nextUsageRequest()).isEqualTo(UsageFault.NONE);
        }
        assertThat(faults.nextErpPostUnavailable()).isFalse();
    }

    @Test
    void firstErpPostsAreUnavailable() {
        SandboxFaults faults = new SandboxFaults(0, 0, 2);
        assertThat(faults.nextErpPostUnavailable()).isTrue();
        assertThat(faults.nextErpPostUnavailable()).isTrue();
        assertThat(faults.nextErpPostUnavailable()).isFalse();
        assertThat(faults.nextErpPostUnavailable()).isFalse();
        assertThat(faults.erpPosts()).isEqualTo(4);
    }

    @Test
    void resetStartsTheCountersAgain() {
        SandboxFaults faults = new SandboxFaults(3, 0, 1);
        faults.nextUsageRequest();
        faults.nextUsageRequest();
        faults.nextErpPostUnavailable();
        faults.reset();
        // Request 3 after the reset is the rate-limited one again, and the ERP is "starting up" again.
        assertThat(faults.nextUsageRequest()).isEqualTo(UsageFault.NONE);
        assertThat(faults.nextUsageRequest()).isEqualTo(UsageFault.NONE);
        assertThat(faults.nextUsageRequest()).isEqualTo(UsageFault.RATE_LIMITED);
        assertThat(faults.nextErpPostUnavailable()).isTrue();
    }

    @Test
    void burstsFailTheNextRequestsOnlyAndCountWhatTheyServed() {
        SandboxFaults faults = new SandboxFaults(0, 0, 0);
        faults.usage().storm().arm(2);
        faults.usageOutage(1);

        // the outage first, then the storm, then the API answers again
        assertThat(faults.nextUsageRequest()).isEqualTo(UsageFault.UNAVAILABLE);
        assertThat(faults.nextUsageRequest()).isEqualTo(UsageFault.RATE_LIMITED);
        assertThat(faults.nextUsageRequest()).isEqualTo(UsageFault.RATE_LIMITED);
        assertThat(faults.nextUsageRequest()).isEqualTo(UsageFault.NONE);
        assertThat(faults.usage().storm().served()).isEqualTo(2);
        assertThat(faults.usage().outage().served()).isEqualTo(1);

        faults.usage().truncatedPages().arm(1);
        faults.lostErpAnswers().arm(1);
        assertThat(faults.nextPageTruncated()).isTrue();
        assertThat(faults.nextPageTruncated()).isFalse();
        assertThat(faults.nextErpAnswerLost()).isTrue();
        assertThat(faults.nextErpAnswerLost()).isFalse();

        faults.erpOutage(1);
        faults.reset();
        assertThat(faults.nextErpPostUnavailable()).isFalse();
        assertThat(faults.usage().storm().served()).isZero();
    }
}
