package io.billinghub.allocation;

import io.billinghub.platform.LargestRemainder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Splits an amount in whole cents in proportion to weights, so that the parts add up exactly to the amount. */
public final class PoolSplit {

    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private PoolSplit() {
    }

    /** Weights must be non-negative with a positive sum; the amount must be in whole cents. */
    public static <K extends Comparable<K>> Map<K, BigDecimal> split(BigDecimal amount,
                                                                     SortedMap<K, BigDecimal> weights) {
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("weights must add up to more than zero");
        }
        SortedMap<K, BigDecimal> exact = new TreeMap<>();
        weights.forEach((k, w) -> exact.put(k, amount.multiply(w).divide(total, PRECISION)));
        return cents(exact, amount);
    }

    /**
     * Rounds unrounded parts whose exact sum is the amount (in cents) to cents adding up to the amount: largest
     * remainder, after checking the sum, since a part set that does not add up is a programming error.
     */
    public static <K extends Comparable<K>> Map<K, BigDecimal> cents(SortedMap<K, BigDecimal> exact,
                                                                     BigDecimal amount) {
        Map<K, BigDecimal> cents = LargestRemainder.toCents(exact);
        BigDecimal sum = cents.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(amount) != 0) {
            throw new IllegalStateException("split of " + amount + " adds up to " + sum);
        }
        return cents;
    }
}
