package io.billinghub.sandbox.cxone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.sandbox.cxone.CxoneSandboxFaults.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CxoneSandboxFaultsTest {

    @Test
    void everyFortiethRequestStartsAStormOfThree429s() {
        CxoneSandboxFaults faults = new CxoneSandboxFaults(40, 3, 0);
        List<Integer> rateLimited = new ArrayList<>();
        for (int request = 1; request <= 125; request++) {
            if (faults.nextRequest() == Fault.RATE_LIMITED) {
                rateLimited.add(request);
            }
        }
        // Storms at 40-42, 80-82, 120-122.
        assertThat(rateLimited).containsExactly(40, 41, 42, 80, 81, 82, 120, 121, 122);
        assertThat(faults.requests()).isEqualTo(125);
    }

    @Test
    void stormsWinOverUnavailability() {
        CxoneSandboxFaults faults = new CxoneSandboxFaults(5, 3, 7);
        List<Fault> seen = new ArrayList<>();
        for (int request = 1; request <= 15; request++) {
            seen.add(faults.nextRequest());
        }
        // 429 storms at 5-7 and 10-12 and from 15; 503 at 14 (7 falls in a storm).
        Fault ok = Fault.NONE;
        Fault limited = Fault.RATE_LIMITED;
        assertThat(seen).containsExactly(ok, ok, ok, ok, limited, limited, limited, ok, ok, limited, limited,
                limited, ok, Fault.UNAVAILABLE, limited);
    }

    @Test
    void zeroDisablesAFaultAndResetStartsAgain() {
        CxoneSandboxFaults none = new CxoneSandboxFaults(0, 3, 0);
        for (int request = 1; request <= 100; request++) {
            assertThat(none.nextRequest()).isEqualTo(Fault.NONE);
        }
        CxoneSandboxFaults faults = new CxoneSandboxFaults(2, 1, 0);
        assertThat(faults.nextRequest()).isEqualTo(Fault.NONE);
        faults.reset();
        assertThat(faults.requests()).isZero();
        assertThat(faults.nextRequest()).isEqualTo(Fault.NONE);
        assertThat(faults.nextRequest()).isEqualTo(Fault.RATE_LIMITED);
        assertThatThrownBy(() -> new CxoneSandboxFaults(40, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CxoneSandboxFaults(-1, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTestSetsOtherPeriodsUntilTheResetAndEvery429IsCounted() {
        CxoneSandboxFaults faults = new CxoneSandboxFaults(40, 3, 0);
        faults.behave(7, 1, 0);
        faults.bursts().storm().armAfter(20, 3);
        List<Integer> rateLimited = new ArrayList<>();
        for (int request = 1; request <= 45; request++) {
            if (faults.nextRequest() == Fault.RATE_LIMITED) {
                rateLimited.add(request);
            }
        }

        assertThat(rateLimited).containsExactly(7, 14, 21, 22, 23, 28, 35, 42);
        assertThat(faults.rateLimited()).isEqualTo(8);
        assertThatThrownBy(() -> faults.behave(7, 0, 0)).isInstanceOf(IllegalArgumentException.class);

        faults.reset();
        assertThat(faults.rateLimited()).isZero();
        for (int request = 1; request <= 39; request++) {
            assertThat(faults.nextRequest()).isEqualTo(Fault.NONE);
        }
        assertThat(faults.nextRequest()).isEqualTo(Fault.RATE_LIMITED);
    }
}
