package io.billinghub.cpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpmCalculatorTest {

    private static DailyUsage day(String date, long legs, long seconds, String cost) {
        return new DailyUsage("Bandwidth.com", "US", LocalDate.parse(date), legs, seconds, new BigDecimal(cost));
    }

    private final CpmCalculator calculator = new CpmCalculator();

    @Test
    void cpmIsAWeightedRatioNotAnAverageOfRatios() {
        // leg A 600 s for 0.0600 (0.006/min), leg B 60 s for 0.0120 (0.012/min):
        // weighted = 0.0720 / 11 min = 0.0065454… → 0.006545; the average of ratios would be 0.009
        List<CpmRow> rows = calculator.compute(List.of(day("2026-10-10", 2, 660, "0.0720")),
                LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-10"));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.billedMinutes()).isEqualByComparingTo("11");
            assertThat(row.cpm()).isEqualByComparingTo("0.006545");
        });
    }

    @Test
    void trailingSevenDaysIncludeTheDayAndTheSixBefore() {
        List<DailyUsage> usage = List.of(
                day("2026-10-03", 1, 600, "1.00"),   // 8 days before the 10th: outside its window
                day("2026-10-04", 1, 60, "0.10"),    // 6 days before: inside
                day("2026-10-10", 1, 120, "0.30"));
        List<CpmRow> rows = calculator.compute(usage, LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-11"));
        // the 10th: daily 0.30 / 2 min = 0.15; trailing (0.10 + 0.30) / (1 + 2) min = 0.133333
        assertThat(rows.get(0).day()).isEqualTo(LocalDate.parse("2026-10-10"));
        assertThat(rows.get(0).cpm()).isEqualByComparingTo("0.150000");
        assertThat(rows.get(0).trailing7dCpm()).isEqualByComparingTo("0.133333");
        assertThat(rows.get(0).trailing7dLegs()).isEqualTo(2);
        // the 11th: no traffic (no daily CPM, not an error); trailing window 5th..11th holds only the 10th
        assertThat(rows.get(1).legs()).isZero();
        assertThat(rows.get(1).cpm()).isNull();
        assertThat(rows.get(1).trailing7dCpm()).isEqualByComparingTo("0.150000");
    }

    @Test
    void aSegmentWithoutTrafficInItsWindowHasNoRow() {
        assertThat(calculator.compute(List.of(day("2026-10-01", 1, 60, "0.01")), LocalDate.parse("2026-10-20"),
                LocalDate.parse("2026-10-21"))).isEmpty();
    }
}
