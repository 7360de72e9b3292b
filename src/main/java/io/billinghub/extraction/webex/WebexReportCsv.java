package io.billinghub.extraction.webex;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a Webex wholesale billing report CSV as a stream, one row at a time, by its header: columns are found by
 * name (case and surrounding blanks ignored), unknown extra columns are tolerated, and a report missing a required
 * column is refused whole before any row is read. Each row is either read or rejected with its position, reason and
 * original content; nothing is held beyond the current row.
 */
public final class WebexReportCsv implements Closeable, Iterator<WebexReportCsv.Item> {

    /** A row read, or rejected. */
    public sealed interface Item permits Read, Rejected {
        long recordNo();
    }

    public record Read(WebexReportRow row) implements Item {
        @Override
        public long recordNo() {
            return row.recordNo();
        }
    }

    public record Rejected(long recordNo, String raw, String reason) implements Item {
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).setIgnoreEmptyLines(true).get();
    private static final CSVFormat RAW = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns;
    private final ReportType type;
    private final BillingWindow window;

    private WebexReportCsv(CSVParser parser, Map<String, Integer> columns, ReportType type, BillingWindow window) {
        this.parser = parser;
        this.records = parser.iterator();
        this.columns = columns;
        this.type = type;
        this.window = window;
    }

    /** Opens the report, checking its header; the caller closes it (and so the reader). */
    public static WebexReportCsv open(Reader in, ReportType type, List<String> requiredColumns, BillingWindow window) {
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new MalformedReportException("the report's header cannot be read: " + e.getMessage(), e);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        List<String> names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            String name = normalise(names.get(i));
            if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                repeated.add(name);
            }
        }
        List<String> missing = requiredColumns.stream().map(WebexReportCsv::normalise)
                .filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty() || !repeated.isEmpty()) {
            close(parser);
            throw new MalformedReportException("the " + type + " report " + (missing.isEmpty() ? ""
                    : "lacks the required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing))
                    + (missing.isEmpty() || repeated.isEmpty() ? "" : " and ")
                    + (repeated.isEmpty() ? "" : "repeats the column(s) " + String.join(", ", repeated))
                    + "; its header is: " + String.join(",", names));
        }
        return new WebexReportCsv(parser, columns, type, window);
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedReportException("the report cannot be read past record "
                    + (parser.getRecordNumber() + 1) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Item next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedReportException("the report cannot be read past record "
                    + (parser.getRecordNumber() + 1) + ": " + e.getMessage(), e);
        }
        long recordNo = record.getRecordNumber() + 1;
        String raw = RAW.format((Object[]) record.values());
        try {
            return new Read(row(record, recordNo, raw));
        } catch (IllegalArgumentException e) {
            return new Rejected(recordNo, raw, e.getMessage());
        }
    }

    private WebexReportRow row(CSVRecord record, long recordNo, String raw) {
        String sku = get(record, "SKU");
        if (sku.isEmpty()) {
            throw new IllegalArgumentException("SKU is empty");
        }
        LocalDate start = date(record, "CONSUMPTION_START_DATE");
        LocalDate end = date(record, "CONSUMPTION_END_DATE");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("CONSUMPTION_END_DATE " + end + " is before CONSUMPTION_START_DATE "
                    + start);
        }
        if (!window.contains(start) || !window.contains(end)) {
            throw new IllegalArgumentException("consumption " + start + " to " + end + " lies outside the billing"
                    + " period " + window.start() + " to " + window.end());
        }
        BigDecimal quantity = quantity(record);
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (type == ReportType.USER && quantity.compareTo(BigDecimal.valueOf(days)) > 0) {
            // one licence counts at most 1 a day
            throw new IllegalArgumentException("QUANTITY " + quantity.toPlainString() + " exceeds the " + days
                    + " day(s) of its consumption period");
        }
        String customerOrgId = get(record, "CUSTOMER_ORG_ID");
        if (type != ReportType.PARTNER && customerOrgId.isEmpty()) {
            throw new IllegalArgumentException("CUSTOMER_ORG_ID is empty");
        }
        WebexReportRow row = new WebexReportRow(recordNo, get(record, "PARTNER_NAME"), get(record, "PARTNER_ORG_ID"),
                get(record, "SUBSCRIPTION_ID"), get(record, "SERVICE_NAME"), sku, get(record, "DESCRIPTION"), start,
                end, quantity, customerOrgId, get(record, "CUSTOMER_EXTERNAL_ID"), get(record, "SUBSCRIBER_ID"),
                get(record, "USER_ID"), get(record, "WORKSPACE_ID"), get(record, "LOCATION_ID"),
                get(record, "LICENSE_ID"), raw);
        if (type == ReportType.USER && row.consumer().isEmpty()) {
            throw new IllegalArgumentException("USER_ID, WORKSPACE_ID and SUBSCRIBER_ID are all empty");
        }
        return row;
    }

    private BigDecimal quantity(CSVRecord record) {
        String text = get(record, "QUANTITY");
        BigDecimal quantity;
        try {
            quantity = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("QUANTITY '" + text + "' is not a decimal number");
        }
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("QUANTITY " + text + " is negative");
        }
        if (quantity.stripTrailingZeros().scale() > 6) {
            throw new IllegalArgumentException("QUANTITY " + text + " has more than 6 decimals");
        }
        return quantity;
    }

    /** yyyy-MM-dd, also as the date part of a timestamp (2026-10-01T00:00:00Z). */
    private LocalDate date(CSVRecord record, String column) {
        String text = get(record, column);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        boolean timestamp = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ');
        try {
            return LocalDate.parse(timestamp ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    private String get(CSVRecord record, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index).trim();
    }

    private static String normalise(String header) {
        return header.replace("\uFEFF", "").trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public void close() {
        close(parser);
    }

    private static void close(CSVParser parser) {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
