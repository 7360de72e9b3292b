package io.billinghub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultBurstTest {

    @Test
    void aBurstArmedAfterSomeRequestsFailsTheOnesThatFollow() {
        FaultBurst burst = new FaultBurst();
        burst.armAfter(3, 2);
        List<Integer> failed = new ArrayList<>();
        for (int request = 1; request <= 8; request++) {
            if (burst.take()) {
                failed.add(request);
            }
        }

        assertThat(failed).containsExactly(4, 5);
        assertThat(burst.served()).isEqualTo(2);
        assertThat(burst.remaining()).isZero();
        assertThatThrownBy(() -> burst.armAfter(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theResetDisarmsTheBurstBeforeItStarts() {
        FaultBurst burst = new FaultBurst();
        burst.armAfter(1, 1);
        burst.reset();

        assertThat(burst.take()).isFalse();
        assertThat(burst.take()).isFalse();
        assertThat(burst.served()).isZero();
    }
}
