package io.billinghub.sandbox.webex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the USER-level dataset: its 16 values as written (in {@link WebexColumn} order), with the consumption
 * dates and the quantity parsed.
 */
public record WebexUsageRow(List<String> values, LocalDate start, LocalDate end, BigDecimal quantity) {

    public WebexUsageRow {
        values = List.copyOf(values);
        if (values.size() != WebexColumn.values().length) {
            throw new IllegalArgumentException("a row has " + WebexColumn.values().length + " values, not "
                    + values.size());
        }
    }

    public String get(WebexColumn column) {
        return values.get(column.ordinal());
    }
}
