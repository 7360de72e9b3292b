package io.billinghub.cpm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's CPM view of a date range: one cell per carrier × destination region over the whole range, and a
 * trend per carrier in buckets of one day or seven days (the last bucket ends at {@code to}, so it may be
 * shorter). Every figure is a weighted ratio of summed seconds and cost, rounded once as {@link CpmCalculator}
 * does; the browser shows these figures and computes none.
 */
public record CpmMatrix(LocalDate from, LocalDate to, Granularity granularity, List<Cell> cells,
                        List<Bucket> trend) {

    public enum Granularity {
        DAY(1), WEEK(7);

        final int days;

        Granularity(int days) {
            this.days = days;
        }
    }

    public record Cell(String carrierName, String destinationRegion, long legs, BigDecimal billedMinutes,
                       BigDecimal cost, BigDecimal cpm) {
    }

    public record Bucket(String carrierName, LocalDate start, LocalDate end, long legs, BigDecimal billedMinutes,
                         BigDecimal cost, BigDecimal cpm) {
    }

    /** @param usage daily sums of [from, to] (days outside it are ignored) */
    public static CpmMatrix of(List<DailyUsage> usage, LocalDate from, LocalDate to, Granularity granularity) {
        Map<List<String>, Sum> cells = new TreeMap<>(CpmMatrix::compareKeys);
        Map<List<String>, Sum> buckets = new TreeMap<>(CpmMatrix::compareKeys);
        for (DailyUsage day : usage) {
            if (day.day().isBefore(from) || day.day().isAfter(to)) {
                continue;
            }
            cells.computeIfAbsent(List.of(day.carrierName(), day.destinationRegion()), k -> new Sum()).add(day);
            long bucket = (day.day().toEpochDay() - from.toEpochDay()) / granularity.days;
            LocalDate start = from.plusDays(bucket * granularity.days);
            buckets.computeIfAbsent(List.of(day.carrierName(), start.toString()), k -> new Sum()).add(day);
        }
        List<Cell> cellRows = new ArrayList<>();
        cells.forEach((key, sum) -> cellRows.add(new Cell(key.get(0), key.get(1), sum.legs,
                CpmCalculator.minutes(sum.seconds), sum.cost, CpmCalculator.ratio(sum.cost, sum.seconds))));
        List<Bucket> trend = new ArrayList<>();
        buckets.forEach((key, sum) -> {
            LocalDate start = LocalDate.parse(key.get(1));
            LocalDate end = start.plusDays(granularity.days - 1L);
            trend.add(new Bucket(key.get(0), start, end.isAfter(to) ? to : end, sum.legs,
                    CpmCalculator.minutes(sum.seconds), sum.cost, CpmCalculator.ratio(sum.cost, sum.seconds)));
        });
        return new CpmMatrix(from, to, granularity, cellRows, trend);
    }

    private static int compareKeys(List<String> a, List<String> b) {
        int first = a.get(0).compareTo(b.get(0));
        return first != 0 ? first : a.get(1).compareTo(b.get(1));
    }

    private static final class Sum {
        long legs;
        long seconds;
        BigDecimal cost = BigDecimal.ZERO;

        void add(DailyUsage day) {
            legs += day.legs();
            seconds += day.billedSeconds();
            cost = cost.add(day.cost());
        }
    }
}
