package io.billinghub.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BillingIncrementTest {

    @ParameterizedTest(name = "{1} s at {0} bills {2} s")
    @CsvSource({
            // whole minutes: 61 s is two started minutes
            "60/60, 61, 120",
            "60/60, 60, 60",
            "60/60, 1, 60",
            "60/60, 220, 240",
            // 6-second increments after a 6-second first: 61 = 6 + 55 -> 6 + 10*6 = 66
            "6/6, 61, 66",
            "6/6, 6, 6",
            "6/6, 7, 12",
            "6/6, 220, 222",
            // per second
            "1/1, 61, 61",
            "1/1, 1, 1",
            // 30-second minimum, then 6 s: 31 = 30 + 1 -> 30 + 6 = 36; 12 s still bills the 30 s minimum
            "30/6, 31, 36",
            "30/6, 12, 30",
            "30/6, 30, 30",
            "30/6, 95, 96",
            // nothing used, nothing billed
            "60/60, 0, 0",
            "6/6, -3, 0"
    })
    void billsStartedIncrements(String increment, int seconds, int billed) {
        assertThat(BillingIncrement.parse(increment).billedSeconds(seconds)).isEqualTo(billed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"60", "60/", "a/6", "0/6", "6/0", "6/6/6", ""})
    void rejectsMalformedIncrements(String text) {
        assertThatThrownBy(() -> BillingIncrement.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
