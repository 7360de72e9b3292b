package io.billinghub.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns unrounded period charges into posting lines of whole cents that add up exactly to the rounded period
 * total (largest remainder: every line is floored to the cent, and the cents left over go to the lines with the
 * largest remainders, ties in key order), and computes what is still to post against what was posted.
 */
public final class ChargeAllocator {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** Unrounded amounts per key, with their quantity and record count. */
    public record Unrounded(BigDecimal amount, BigDecimal quantity, long recordCount) {
    }

    public List<ChargeLine> allocate(SortedMap<ChargeKey, Unrounded> charges) {
        BigDecimal exact = charges.values().stream().map(Unrounded::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = exact.setScale(2, RoundingMode.HALF_UP);
        List<ChargeKey> keys = new ArrayList<>(charges.keySet());
        Map<ChargeKey, BigDecimal> floors = new TreeMap<>();
        BigDecimal floored = BigDecimal.ZERO;
        for (ChargeKey key : keys) {
            BigDecimal floor = charges.get(key).amount().setScale(2, RoundingMode.FLOOR);
            floors.put(key, floor);
            floored = floored.add(floor);
        }
        int centsLeft = total.subtract(floored).divide(CENT).intValueExact();
        List<ChargeKey> byRemainder = new ArrayList<>(keys);
        byRemainder.sort(Comparator.comparing((ChargeKey k) -> charges.get(k).amount().subtract(floors.get(k)))
                .reversed().thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < centsLeft; i++) {
            ChargeKey key = byRemainder.get(i);
            floors.put(key, floors.get(key).add(CENT));
        }
        List<ChargeLine> lines = new ArrayList<>();
        for (ChargeKey key : keys) {
            Unrounded u = charges.get(key);
            lines.add(new ChargeLine(key, floors.get(key), u.quantity(), u.recordCount()));
        }
        return lines;
    }

    /** Adds up unrounded charges of the same key. */
    public static Unrounded sum(Unrounded a, Unrounded b) {
        return new Unrounded(a.amount().add(b.amount()), a.quantity().add(b.quantity()),
                a.recordCount() + b.recordCount());
    }

    /** Lines still to post: current minus already posted, per key, zero lines left out. */
    public List<ChargeLine> delta(List<ChargeLine> current, List<ChargeLine> posted) {
        SortedMap<ChargeKey, ChargeLine> byKey = new TreeMap<>();
        current.forEach(line -> byKey.put(line.key(), line));
        for (ChargeLine done : posted) {
            ChargeLine now = byKey.get(done.key());
            byKey.put(done.key(), new ChargeLine(done.key(),
                    (now == null ? BigDecimal.ZERO : now.amount()).subtract(done.amount()),
                    (now == null ? BigDecimal.ZERO : now.quantity()).subtract(done.quantity()),
                    (now == null ? 0 : now.recordCount()) - done.recordCount()));
        }
        return byKey.values().stream()
                .filter(l -> l.amount().signum() != 0 || l.quantity().signum() != 0 || l.recordCount() != 0)
                .toList();
    }
}
