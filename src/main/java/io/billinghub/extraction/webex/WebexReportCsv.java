package io.billinghub.extraction.webex;

import io.billinghub.platform.CsvSource;
import io.billinghub.platform.Decimals;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a Webex wholesale billing report CSV as a stream, one row at a time, by its header: columns are found by
 * name (case and surrounding blanks ignored), unknown extra columns are tolerated, and a report missing a required
 * column is refused whole before any row is read. Each row is either read or rejected with its position, reason and
 * text as written (a row with another number of fields than the header is rejected); nothing is held beyond the
 * current row. Text that is not UTF-8, or a quote never closed, fails the whole report.
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

    /** A date-time with an optional offset (Z, +02:00), every field checked (no 25:61). */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).setIgnoreEmptyLines(true).get();

    private final CsvSource source;
    private final Map<String, Integer> columns;
    private final int width;
    private final ReportType type;
    private final BillingWindow window;
    private long recordNo = 1;

    private WebexReportCsv(CsvSource source, Map<String, Integer> columns, ReportType type, BillingWindow window) {
        this.source = source;
        this.columns = columns;
        this.width = source.headerNames().size();
        this.type = type;
        this.window = window;
    }

    /**
     * The report's bytes as UTF-8 text. Bytes that are not UTF-8 fail the reading (and so the report) instead of
     * being replaced unseen by U+FFFD, which would change a SKU or an id.
     */
    public static Reader reader(InputStream content) {
        return new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder());
    }

    /** Opens the report, checking its header; the caller closes it (and so the reader). */
    public static WebexReportCsv open(Reader in, ReportType type, List<String> requiredColumns, BillingWindow window) {
        CsvSource source;
        try {
            source = CsvSource.open(in, FORMAT);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new MalformedReportException("the report's header cannot be read: " + e.getMessage(), e);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        List<String> names = source.headerNames();
        for (int i = 0; i < names.size(); i++) {
            String name = normalise(names.get(i));
            if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                repeated.add(name);
            }
        }
        List<String> missing = requiredColumns.stream().map(WebexReportCsv::normalise)
                .filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty() || !repeated.isEmpty()) {
            source.close();
            throw new MalformedReportException("the " + type + " report " + (missing.isEmpty() ? ""
                    : "lacks the required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing))
                    + (missing.isEmpty() || repeated.isEmpty() ? "" : " and ")
                    + (repeated.isEmpty() ? "" : "repeats the column(s) " + String.join(", ", repeated))
                    + "; its header is: " + String.join(",", names));
        }
        return new WebexReportCsv(source, columns, type, window);
    }

    @Override
    public boolean hasNext() {
        try {
            return source.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Item next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvSource.Entry entry;
        try {
            entry = source.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
        recordNo = entry.record().getRecordNumber() + 1;
        try {
            return new Read(row(entry.record(), recordNo, entry.raw()));
        } catch (IllegalArgumentException e) {
            return new Rejected(recordNo, entry.raw(), e.getMessage());
        }
    }

    private MalformedReportException unreadable(RuntimeException e) {
        return new MalformedReportException("the report cannot be read past record " + recordNo + " (line "
                + source.nextLine() + "): " + e.getMessage(), e);
    }

    private WebexReportRow row(CSVRecord record, long recordNo, String raw) {
        if (record.size() != width) {
            // fields out of place would be read under the wrong columns
            throw new IllegalArgumentException("has " + record.size() + " fields, the header has " + width);
        }
        if (raw.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("holds a NUL character: the row is not text");
        }
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

    /** As webex_report_row keeps it: numeric(18, 6). */
    private BigDecimal quantity(CSVRecord record) {
        String text = get(record, "QUANTITY");
        BigDecimal quantity = Decimals.parse("QUANTITY", text, 12, 6);
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("QUANTITY " + text + " is negative");
        }
        return quantity;
    }

    /** yyyy-MM-dd, also as the date part of a timestamp (2026-10-01T00:00:00Z), whose time must be one too. */
    private LocalDate date(CSVRecord record, String column) {
        String text = get(record, column);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        boolean timestamp = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ');
        try {
            if (timestamp) {
                TIMESTAMP.parse(text.substring(0, 10) + 'T' + text.substring(11));
            }
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
        source.close();
    }
}
