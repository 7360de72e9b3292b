package io.billinghub.sandbox.webex;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The USER-level billing dataset the sandbox serves: one month of USER report rows with all 16 columns, read once
 * and never changed. Rows whose PARTNER_ORG_ID is the partner's own belong to the partner; rows with another
 * PARTNER_ORG_ID belong to that sub-partner.
 */
public final class WebexUsageDataset {

    private static final List<String> HEADER = Arrays.stream(WebexColumn.values()).map(Enum::name).toList();

    private final String source;
    private final List<WebexUsageRow> rows;

    public WebexUsageDataset(String source, List<WebexUsageRow> rows) {
        this.source = source;
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads an RFC 4180 CSV whose header names the 16 columns in order; blank lines are skipped. Problems name
     * the CSV record (the header is record 1).
     *
     * @throws IllegalArgumentException naming the source and record of the first problem
     */
    public static WebexUsageDataset read(Reader csv, String source) throws IOException {
        List<WebexUsageRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(csv, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get())) {
            boolean header = true;
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (header) {
                    header = false;
                    if (!values.isEmpty()) {
                        // a UTF-8 byte order mark is not part of the first column's name
                        values.set(0, values.get(0).replace("\uFEFF", ""));
                    }
                    if (!HEADER.equals(values.stream().map(String::trim).toList())) {
                        throw new IllegalArgumentException(source + ": the header must be "
                                + String.join(",", HEADER) + ", was " + String.join(",", values));
                    }
                    continue;
                }
                rows.add(row(values, source + " record " + record.getRecordNumber()));
            }
        }
        return new WebexUsageDataset(source, rows);
    }

    private static WebexUsageRow row(List<String> values, String where) {
        if (values.size() != HEADER.size()) {
            throw new IllegalArgumentException(where + ": " + HEADER.size() + " values expected, found "
                    + values.size());
        }
        LocalDate start = date(values, WebexColumn.CONSUMPTION_START_DATE, where);
        LocalDate end = date(values, WebexColumn.CONSUMPTION_END_DATE, where);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(where + ": CONSUMPTION_END_DATE " + end + " is before "
                    + "CONSUMPTION_START_DATE " + start);
        }
        String quantity = values.get(WebexColumn.QUANTITY.ordinal()).trim();
        try {
            return new WebexUsageRow(values, start, end, new BigDecimal(quantity));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": QUANTITY '" + quantity + "' is not a decimal", e);
        }
    }

    private static LocalDate date(List<String> values, WebexColumn column, String where) {
        String text = values.get(column.ordinal()).trim();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": " + column + " '" + text + "' is not a date YYYY-MM-DD", e);
        }
    }

    public String source() {
        return source;
    }

    public List<WebexUsageRow> rows() {
        return rows;
    }

    /** Every PARTNER_ORG_ID of the dataset, in order of first appearance. */
    public Set<String> orgIds() {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(row -> ids.add(row.get(WebexColumn.PARTNER_ORG_ID)));
        return ids;
    }

    /** The rows of one (sub-)partner whose consumption lies within [start, end], in dataset order. */
    public List<WebexUsageRow> select(LocalDate start, LocalDate end, String partnerOrgId) {
        return rows.stream()
                .filter(row -> row.get(WebexColumn.PARTNER_ORG_ID).equals(partnerOrgId))
                .filter(row -> !row.start().isBefore(start) && !row.end().isAfter(end))
                .toList();
    }
}
