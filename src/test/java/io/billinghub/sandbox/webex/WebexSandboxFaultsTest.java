package io.billinghub.sandbox.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.sandbox.webex.WebexSandboxFaults.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebexSandboxFaultsTest {

    @Test
    void everyNthApiRequestIsRateLimitedOrLocked() {
        WebexSandboxFaults faults = new WebexSandboxFaults(3, 4, 0);
        // 429 at 3, 6, 9, 12; 423 at 4 and 8; request 12 is both and the 429 wins.
        assertThat(next(faults, 12)).containsExactly(Fault.NONE, Fault.NONE, Fault.RATE_LIMITED, Fault.LOCKED,
                Fault.NONE, Fault.RATE_LIMITED, Fault.NONE, Fault.LOCKED, Fault.RATE_LIMITED, Fault.NONE, Fault.NONE,
                Fault.RATE_LIMITED);
        assertThat(faults.apiRequests()).isEqualTo(12);
    }

    @Test
    void theDefaultsRateLimitTheNinthAndLockTheThirteenth() {
        List<Fault> faults = next(new WebexSandboxFaults(9, 13, 0), 27);
        assertThat(faults.indexOf(Fault.RATE_LIMITED)).isEqualTo(8);
        assertThat(faults.lastIndexOf(Fault.RATE_LIMITED)).isEqualTo(26);
        assertThat(faults.indexOf(Fault.LOCKED)).isEqualTo(12);
        assertThat(faults.lastIndexOf(Fault.LOCKED)).isEqualTo(25);
        assertThat(faults.stream().filter(fault -> fault != Fault.NONE)).hasSize(5);
    }

    @Test
    void downloadsCountApart() {
        WebexSandboxFaults faults = new WebexSandboxFaults(1, 0, 3);
        List<Boolean> unavailable = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            unavailable.add(faults.nextDownloadUnavailable());
        }
        assertThat(unavailable).containsExactly(false, false, true, false, false, true);
        assertThat(faults.apiRequests()).isZero();
    }

    @Test
    void zeroIsNeverAndResetStartsAgain() {
        WebexSandboxFaults none = new WebexSandboxFaults(0, 0, 0);
        assertThat(next(none, 30)).containsOnly(Fault.NONE);
        assertThat(none.nextDownloadUnavailable()).isFalse();
        WebexSandboxFaults faults = new WebexSandboxFaults(2, 0, 0);
        assertThat(next(faults, 1)).containsExactly(Fault.NONE);
        faults.reset();
        assertThat(next(faults, 2)).containsExactly(Fault.NONE, Fault.RATE_LIMITED);
        assertThatThrownBy(() -> new WebexSandboxFaults(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Fault> next(WebexSandboxFaults faults, int requests) {
        List<Fault> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(faults.nextApiRequest());
        }
        return answers;
    }
}
