package io.billinghub.cpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpmMatrixTest {

    private static final LocalDate FROM = LocalDate.parse("2026-10-01");
    private static final LocalDate TO = LocalDate.parse("2026-10-10");

    private static DailyUsage day(String carrier, String region, String day, long legs, long seconds, String cost) {
        return new DailyUsage(carrier, region, LocalDate.parse(day), legs, seconds, new BigDecimal(cost));
    }

    private final List<DailyUsage> usage = List.of(
            day("Acme", "UK", "2026-10-01", 2, 120, "0.0300"),
            day("Acme", "UK", "2026-10-07", 1, 60, "0.0100"),
            day("Acme", "UK", "2026-10-08", 1, 180, "0.0900"),
            day("Acme", "US", "2026-10-10", 3, 90, "0.0090"),
            // outside the range: ignored
            day("Acme", "US", "2026-10-11", 5, 600, "9.0000"),
            day("Beta", "UK", "2026-10-02", 1, 30, "0.0050"));

    @Test
    void cellsAreWeightedOverTheWholeRange() {
        // Acme UK: (0.03 + 0.01 + 0.09) × 60 / 360 = 0.021667 (rounded once); Acme US: 0.009 × 60 / 90 = 0.006;
        // Beta UK: 0.005 × 60 / 30 = 0.01
        assertThat(CpmMatrix.of(usage, FROM, TO, CpmMatrix.Granularity.DAY).cells()).extracting(c ->
                c.carrierName() + " " + c.destinationRegion() + " " + c.legs() + " " + c.billedMinutes() + " "
                        + c.cost() + " " + c.cpm()).containsExactly(
                "Acme UK 4 6.000000 0.1300 0.021667",
                "Acme US 3 1.500000 0.0090 0.006000",
                "Beta UK 1 0.500000 0.0050 0.010000");
    }

    @Test
    void sevenDayBucketsStartAtTheRangeAndTheLastEndsWithIt() {
        // 10-01..10-07: Acme 0.03 + 0.01 over 180 s = 0.013333; 10-08..10-10 (3 days): Acme UK 0.09 + US 0.009
        // over 270 s = 0.099 × 60 / 270 = 0.022
        assertThat(CpmMatrix.of(usage, FROM, TO, CpmMatrix.Granularity.WEEK).trend()).extracting(b ->
                b.carrierName() + " " + b.start() + ".." + b.end() + " " + b.legs() + " " + b.cost() + " " + b.cpm())
                .containsExactly(
                        "Acme 2026-10-01..2026-10-07 3 0.0400 0.013333",
                        "Acme 2026-10-08..2026-10-10 4 0.0990 0.022000",
                        "Beta 2026-10-01..2026-10-07 1 0.0050 0.010000");
    }

    @Test
    void dailyBucketsAreTheDays() {
        assertThat(CpmMatrix.of(usage, FROM, TO, CpmMatrix.Granularity.DAY).trend()).extracting(b ->
                b.carrierName() + " " + b.start() + ".." + b.end() + " " + b.cpm()).containsExactly(
                "Acme 2026-10-01..2026-10-01 0.015000",
                "Acme 2026-10-07..2026-10-07 0.010000",
                "Acme 2026-10-08..2026-10-08 0.030000",
                "Acme 2026-10-10..2026-10-10 0.006000",
                "Beta 2026-10-02..2026-10-02 0.010000");
    }
}
