package io.billinghub.sandbox.webex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of a report from the USER rows it covers. USER: the rows as they are, in dataset order. CUSTOMER and
 * PARTNER: one row per value of the type's group key, sorted by that key, with CONSUMPTION_START_DATE the earliest,
 * CONSUMPTION_END_DATE the latest and QUANTITY the exact sum (trailing zeros stripped: 31.50 + 21 gives 52.5).
 */
public final class WebexAggregation {

    /** Compares group keys column by column. */
    private static final Comparator<List<String>> BY_KEY = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private static final class Group {
        LocalDate start;
        LocalDate end;
        BigDecimal quantity = BigDecimal.ZERO;

        void add(WebexUsageRow row) {
            start = start == null || row.start().isBefore(start) ? row.start() : start;
            end = end == null || row.end().isAfter(end) ? row.end() : end;
            quantity = quantity.add(row.quantity());
        }
    }

    private WebexAggregation() {
    }

    /** The report's rows, each with the values of {@link WebexReportType#columns()} in order. */
    public static List<List<String>> rows(WebexReportType type, List<WebexUsageRow> userRows) {
        if (type.groupKey().isEmpty()) {
            return userRows.stream().map(WebexUsageRow::values).toList();
        }
        Map<List<String>, Group> groups = new TreeMap<>(BY_KEY);
        for (WebexUsageRow row : userRows) {
            List<String> key = type.groupKey().stream().map(row::get).toList();
            groups.computeIfAbsent(key, k -> new Group()).add(row);
        }
        List<List<String>> rows = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> {
            List<String> values = new ArrayList<>(type.columns().size());
            for (WebexColumn column : type.columns()) {
                values.add(switch (column) {
                    case CONSUMPTION_START_DATE -> group.start.toString();
                    case CONSUMPTION_END_DATE -> group.end.toString();
                    case QUANTITY -> group.quantity.stripTrailingZeros().toPlainString();
                    default -> key.get(type.groupKey().indexOf(column));
                });
            }
            rows.add(List.copyOf(values));
        });
        return List.copyOf(rows);
    }
}
