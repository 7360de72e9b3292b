package io.billinghub.erp;

import io.billinghub.platform.LargestRemainder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns unrounded period charges into posting lines of whole cents that add up exactly to the rounded period
 * total (largest remainder), and computes what is still to post against what was posted.
 */
public final class ChargeAllocator {

    /** Unrounded amounts per key, with their quantity and record count. */
    public record Unrounded(BigDecimal amount, BigDecimal quantity, long recordCount) {
    }

    public List<ChargeLine> allocate(SortedMap<ChargeKey, Unrounded> charges) {
        SortedMap<ChargeKey, BigDecimal> amounts = new TreeMap<>();
        charges.forEach((key, u) -> amounts.put(key, u.amount()));
        Map<ChargeKey, BigDecimal> cents = LargestRemainder.toCents(amounts);
        List<ChargeLine> lines = new ArrayList<>();
        charges.forEach((key, u) -> lines.add(new ChargeLine(key, cents.get(key), u.quantity(), u.recordCount())));
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
