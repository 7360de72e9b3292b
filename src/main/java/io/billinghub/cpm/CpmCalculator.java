package io.billinghub.cpm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes CPM as a weighted ratio from summed seconds and cost (never an average of per-leg ratios), daily and
 * over a trailing 7-day window. Minutes are billed seconds / 60; cost keeps its leg-level scale until the ratio is
 * rounded once to {@link #CPM_SCALE} decimals.
 */
public final class CpmCalculator {

    public static final int CPM_SCALE = 6;
    public static final int TRAILING_DAYS = 7;
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    /**
     * @param usage daily sums covering [from - 6 days, to], so the first day's trailing window is complete
     * @return one row per carrier × region × day in [from, to] that has traffic in that day's trailing window
     */
    public List<CpmRow> compute(List<DailyUsage> usage, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, DailyUsage>> bySegment = new TreeMap<>();
        for (DailyUsage day : usage) {
            bySegment.computeIfAbsent(day.carrierName() + "\u0000" + day.destinationRegion(), k -> new HashMap<>())
                    .put(day.day(), day);
        }
        List<CpmRow> rows = new ArrayList<>();
        bySegment.forEach((segment, days) -> {
            String[] names = segment.split("\u0000", 2);
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                DailyUsage today = days.get(day);
                long trailingLegs = 0;
                long trailingSeconds = 0;
                BigDecimal trailingCost = BigDecimal.ZERO;
                for (int back = 0; back < TRAILING_DAYS; back++) {
                    DailyUsage earlier = days.get(day.minusDays(back));
                    if (earlier != null) {
                        trailingLegs += earlier.legs();
                        trailingSeconds += earlier.billedSeconds();
                        trailingCost = trailingCost.add(earlier.cost());
                    }
                }
                if (trailingLegs == 0) {
                    continue;
                }
                long seconds = today == null ? 0 : today.billedSeconds();
                BigDecimal cost = today == null ? BigDecimal.ZERO : today.cost();
                rows.add(new CpmRow(names[0], names[1], day, today == null ? 0 : today.legs(), minutes(seconds), cost,
                        ratio(cost, seconds), trailingLegs, minutes(trailingSeconds), trailingCost,
                        ratio(trailingCost, trailingSeconds)));
            }
        });
        return rows;
    }

    /** cost / (seconds / 60) = cost × 60 / seconds, divided once; null without minutes. */
    static BigDecimal ratio(BigDecimal cost, long seconds) {
        if (seconds == 0) {
            return null;
        }
        return cost.multiply(SIXTY).divide(BigDecimal.valueOf(seconds), CPM_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal minutes(long seconds) {
        return BigDecimal.valueOf(seconds).divide(SIXTY, CPM_SCALE, RoundingMode.HALF_UP);
    }
}
