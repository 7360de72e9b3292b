package io.billinghub.benchmark;

import io.billinghub.cpm.DailyUsage;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Rated legs, billed seconds and cost (to the micro-unit) by carrier × region × UTC day: what the three contenders
 * must agree on exactly.
 */
record DailyTotals(Map<String, long[]> byKey) {

    static DailyTotals of(List<DailyUsage> daily) {
        Map<String, long[]> byKey = new TreeMap<>();
        for (DailyUsage d : daily) {
            byKey.put(d.carrierName() + "|" + d.destinationRegion() + "|" + d.day(),
                    new long[] {d.legs(), d.billedSeconds(), micros(d.cost())});
        }
        return new DailyTotals(byKey);
    }

    /** From a query answering carrier, region, day, legs, billed seconds, cost (any exact numeric). */
    static DailyTotals query(Statement statement, String sql) throws SQLException {
        Map<String, long[]> byKey = new TreeMap<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                byKey.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                        new long[] {rs.getLong(4), rs.getLong(5), micros(new BigDecimal(rs.getString(6)))});
            }
        }
        return new DailyTotals(byKey);
    }

    private static long micros(BigDecimal cost) {
        return cost.movePointRight(6).longValueExact();
    }

    long legs() {
        return byKey.values().stream().mapToLong(v -> v[0]).sum();
    }

    long seconds() {
        return byKey.values().stream().mapToLong(v -> v[1]).sum();
    }

    BigDecimal cost() {
        return BigDecimal.valueOf(byKey.values().stream().mapToLong(v -> v[2]).sum(), 6);
    }

    /** The groups where the two differ, at most five, described; empty when they agree exactly. */
    List<String> differences(DailyTotals other) {
        List<String> out = new ArrayList<>();
        Map<String, long[]> all = new TreeMap<>(byKey);
        other.byKey.forEach(all::putIfAbsent);
        for (String key : all.keySet()) {
            long[] a = byKey.get(key);
            long[] b = other.byKey.get(key);
            if (a == null || b == null || a[0] != b[0] || a[1] != b[1] || a[2] != b[2]) {
                out.add(key + ": " + describe(a) + " vs " + describe(b));
                if (out.size() == 5) {
                    break;
                }
            }
        }
        return out;
    }

    private static String describe(long[] v) {
        return v == null ? "absent" : v[0] + " legs, " + v[1] + " s, " + BigDecimal.valueOf(v[2], 6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyTotals other && differences(other).isEmpty();
    }

    @Override
    public int hashCode() {
        return Objects.hash(byKey.keySet());
    }
}
