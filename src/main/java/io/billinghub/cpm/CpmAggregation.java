package io.billinghub.cpm;

import io.billinghub.rating.RatedLeg;
import io.billinghub.rating.RatingStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums rated legs by carrier × destination region × UTC day in one pass, as they are rated: the daily usage CPM is
 * computed from, without reading the legs back. Costs are added at their leg-level scale, exactly.
 */
public final class CpmAggregation {

    private record Key(String carrierName, String destinationRegion, LocalDate day) {
    }

    private static final class Sums {
        long legs;
        long seconds;
        BigDecimal cost = BigDecimal.ZERO;
    }

    private final Map<Key, Sums> sums = new HashMap<>();

    /** Adds the rated ones of {@code legs}; excluded and unrated legs carry no cost and are not CPM traffic. */
    public void add(List<RatedLeg> legs) {
        for (RatedLeg leg : legs) {
            if (leg.status() == RatingStatus.RATED) {
                Sums s = sums.computeIfAbsent(new Key(leg.carrierName(), leg.destinationRegion(), leg.utcDay()),
                        k -> new Sums());
                s.legs++;
                s.seconds += leg.billedSeconds();
                s.cost = s.cost.add(leg.cost());
            }
        }
    }

    /** Folds another aggregation in (one per worker). */
    public void addAll(CpmAggregation other) {
        other.sums.forEach((key, o) -> {
            Sums s = sums.computeIfAbsent(key, k -> new Sums());
            s.legs += o.legs;
            s.seconds += o.seconds;
            s.cost = s.cost.add(o.cost);
        });
    }

    /** The daily sums, by carrier, region and day. */
    public List<DailyUsage> daily() {
        List<DailyUsage> rows = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> rows.add(new DailyUsage(k.carrierName(), k.destinationRegion(), k.day(), s.legs,
                s.seconds, s.cost)));
        rows.sort(Comparator.comparing(DailyUsage::carrierName).thenComparing(DailyUsage::destinationRegion)
                .thenComparing(DailyUsage::day));
        return rows;
    }

    public BigDecimal totalCost() {
        return sums.values().stream().map(s -> s.cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
