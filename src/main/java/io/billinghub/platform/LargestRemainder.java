package io.billinghub.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Rounds amounts to whole cents so that they add up exactly to their rounded sum: each is floored to the cent and
 * the cents left over go to the largest remainders (ties in key order).
 */
public final class LargestRemainder {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private LargestRemainder() {
    }

    /** The amounts in whole cents, in key order; their sum is the exact sum rounded half up to the cent. */
    public static <K extends Comparable<K>> Map<K, BigDecimal> toCents(SortedMap<K, BigDecimal> exact) {
        BigDecimal total = exact.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        Map<K, BigDecimal> cents = new LinkedHashMap<>();
        BigDecimal floored = BigDecimal.ZERO;
        for (Map.Entry<K, BigDecimal> e : exact.entrySet()) {
            BigDecimal floor = e.getValue().setScale(2, RoundingMode.FLOOR);
            cents.put(e.getKey(), floor);
            floored = floored.add(floor);
        }
        int centsLeft = total.subtract(floored).divide(CENT).intValueExact();
        List<K> byRemainder = new ArrayList<>(exact.keySet());
        byRemainder.sort(Comparator.comparing((K k) -> exact.get(k).subtract(cents.get(k))).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < centsLeft; i++) {
            cents.merge(byRemainder.get(i), CENT, BigDecimal::add);
        }
        return cents;
    }
}
