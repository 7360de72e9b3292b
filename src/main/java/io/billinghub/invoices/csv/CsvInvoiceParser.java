package io.billinghub.invoices.csv;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.invoices.CarrierTime;
import io.billinghub.invoices.InvalidInvoiceFileException;
import io.billinghub.invoices.InvoiceHeader;
import io.billinghub.invoices.InvoiceLine;
import io.billinghub.invoices.InvoiceParser;
import io.billinghub.invoices.InvoiceSink;
import io.billinghub.invoices.RecordCounts;
import io.billinghub.platform.Decimals;
import io.billinghub.platform.Utf8Lines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads the carrier CSV invoice format (format name {@value #FORMAT}).
 *
 * <p>The format: UTF-8 text (a byte order mark is tolerated), RFC 4180 quoting, one record per line (a quoted
 * field must not span lines). Blank lines are skipped. The first non-blank line is the header; columns are found
 * by name, case-insensitively, in any order, and unknown columns are ignored.
 * <ul>
 *   <li>Required columns: {@code record_type, invoice_number, leg_reference, destination_number, start_time,
 *       minutes, charge}. Optional: {@code invoice_date} (yyyy-MM-dd), {@code currency} (ISO 4217).</li>
 *   <li>{@code record_type} {@code LINE} is an itemised call; {@code TOTAL} states the invoice total in
 *       {@code charge} (its other call fields may be empty), at most once per invoice. A file may hold several
 *       invoices, grouped by {@code invoice_number} in order of their first accepted record.</li>
 *   <li>{@code start_time} is an ISO date-time ({@code 2026-10-01T10:22:10}, a space instead of {@code T} and
 *       no seconds allowed). Without an offset it is local time in the carrier zone, converted with
 *       {@link CarrierTime#toUtc}; with {@code Z} or an offset ({@code +02:00}) it is taken as given.</li>
 *   <li>{@code minutes} (not negative) and {@code charge} (negative for credits) are decimals read exactly from
 *       their text, scientific notation included ({@code 1.69E-4}), with at most 12 digits before the point and 6
 *       after it (trailing zeros aside).</li>
 *   <li>{@code invoice_date} and {@code currency} must agree on every record of an invoice that states them.</li>
 * </ul>
 * A record that breaks a rule is rejected with its position {@code line N} (N is the physical line, the header
 * being line 1 when the file starts with it) and the rest of the file is kept. {@code recordsIn} counts every
 * non-blank line after the header; accepted TOTAL rows are the file's {@code summaryRecords}. An empty file, a
 * header without the required columns or content that is not UTF-8 text fails the whole file.
 *
 * <p>The file is read as a stream, one line at a time: every line and rejected record is handed to the sink as it
 * is read, and per invoice only what the rules need across records is kept (its date, currency and stated total).
 */
public class CsvInvoiceParser implements InvoiceParser {

    public static final String FORMAT = "csv";

    static final String RECORD_TYPE = "record_type";
    static final String INVOICE_NUMBER = "invoice_number";
    static final String INVOICE_DATE = "invoice_date";
    static final String CURRENCY = "currency";
    static final String LEG_REFERENCE = "leg_reference";
    static final String DESTINATION_NUMBER = "destination_number";
    static final String START_TIME = "start_time";
    static final String MINUTES = "minutes";
    static final String CHARGE = "charge";

    private static final List<String> REQUIRED_COLUMNS =
            List.of(RECORD_TYPE, INVOICE_NUMBER, LEG_REFERENCE, DESTINATION_NUMBER, START_TIME, MINUTES, CHARGE);

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public RecordCounts parse(InputStream content, ZoneId carrierZone, InvoiceSink sink) {
        Utf8Lines lines = new Utf8Lines(content);
        try {
            try {
                return new Reading(lines, carrierZone, sink).read();
            } catch (InvalidInvoiceFileException e) {
                // a file that is not text is refused as such, whatever else is wrong with it
                lines.checkRest();
                throw e;
            }
        } catch (Utf8Lines.NotText e) {
            throw new InvalidInvoiceFileException("line " + e.line(), "the file is not text: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invoice file", e);
        }
    }

    /**
     * One file read line by line. Per invoice it keeps what the rules need across records (invoice date, currency,
     * whether a TOTAL was read), never its lines.
     */
    private static final class Reading {

        private final Utf8Lines lines;
        private final ZoneId carrierZone;
        private final InvoiceSink sink;
        private final Map<String, InvoiceDraft> invoices = new LinkedHashMap<>();
        private int recordsIn;
        private int acceptedLines;
        private int rejected;
        /** Every line of an invoice repeats its date: the last one read is kept, not parsed again. */
        private String lastDateText;
        private LocalDate lastDate;

        Reading(Utf8Lines lines, ZoneId carrierZone, InvoiceSink sink) {
            this.lines = lines;
            this.carrierZone = carrierZone;
            this.sink = sink;
        }

        RecordCounts read() throws IOException, Utf8Lines.NotText {
            String header = lines.next();
            while (header != null && header.isBlank()) {
                header = lines.next();
            }
            if (header == null) {
                throw new InvalidInvoiceFileException("line 1", "the file is empty");
            }
            Columns columns = Columns.of(header, "line " + lines.line());
            for (String raw = lines.next(); raw != null; raw = lines.next()) {
                if (raw.isBlank()) {
                    continue;
                }
                recordsIn++;
                String position = "line " + lines.line();
                try {
                    read(columns.split(raw), position, raw);
                } catch (RecordRejected e) {
                    rejected++;
                    sink.rejected(new RejectedRecord(position, e.getMessage(), raw));
                }
            }
            int totals = 0;
            for (InvoiceDraft draft : invoices.values()) {
                sink.invoiceEnded(draft.index, draft.header());
                totals += draft.statedTotal == null ? 0 : 1;
            }
            return new RecordCounts(recordsIn, acceptedLines, totals, rejected);
        }

        private LocalDate invoiceDate(String text) throws RecordRejected {
            if (!text.equals(lastDateText)) {
                lastDate = date(text);
                lastDateText = text;
            }
            return lastDate;
        }

        /** Validates the whole record before touching any invoice, so a rejected record leaves no trace. */
        private void read(Row row, String position, String raw) throws RecordRejected {
            String number = row.required(INVOICE_NUMBER);
            String dateText = row.optional(INVOICE_DATE);
            LocalDate invoiceDate = dateText.isEmpty() ? null : invoiceDate(dateText);
            String currencyText = row.optional(CURRENCY);
            String currency = currencyText.isEmpty() ? null : currency(currencyText);
            String type = row.value(RECORD_TYPE);

            InvoiceDraft draft = invoices.get(number);
            InvoiceLine line = null;
            BigDecimal total = null;
            if ("LINE".equalsIgnoreCase(type)) {
                BigDecimal minutes = decimal(MINUTES, row.value(MINUTES));
                if (minutes.signum() < 0) {
                    throw new RecordRejected(MINUTES + " '" + row.value(MINUTES) + "' is negative");
                }
                String destination = row.value(DESTINATION_NUMBER);
                line = new InvoiceLine(position, number, row.required(LEG_REFERENCE),
                        destination.isEmpty() ? null : destination, startTime(row.value(START_TIME), carrierZone),
                        minutes, decimal(CHARGE, row.value(CHARGE)), raw);
            } else if ("TOTAL".equalsIgnoreCase(type)) {
                total = decimal(CHARGE, row.value(CHARGE));
                if (draft != null && draft.statedTotal != null) {
                    throw new RecordRejected("a second TOTAL for invoice " + number
                            + " (the first one states " + draft.statedTotal.toPlainString() + ")");
                }
            } else {
                throw new RecordRejected(RECORD_TYPE + " '" + type + "' is neither LINE nor TOTAL");
            }
            if (draft != null) {
                draft.checkAgrees(INVOICE_DATE, draft.invoiceDate, invoiceDate);
                draft.checkAgrees(CURRENCY, draft.currency, currency);
            } else {
                draft = new InvoiceDraft(invoices.size(), number);
                invoices.put(number, draft);
                sink.invoiceStarted(draft.index, number);
            }
            if (draft.invoiceDate == null) {
                draft.invoiceDate = invoiceDate;
            }
            if (draft.currency == null) {
                draft.currency = currency;
            }
            if (line != null) {
                acceptedLines++;
                sink.line(draft.index, line);
            } else {
                draft.statedTotal = total;
            }
        }
    }

    /** Exact decimal from text, as the invoice tables keep it. */
    private static BigDecimal decimal(String column, String text) throws RecordRejected {
        try {
            return Decimals.parse(column, text, InvoiceLine.INTEGER_DIGITS, InvoiceLine.DECIMALS);
        } catch (IllegalArgumentException e) {
            throw new RecordRejected(e.getMessage());
        }
    }

    private static Instant startTime(String text, ZoneId carrierZone) throws RecordRejected {
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        try {
            if (iso.length() == 19 && isPlainLocal(iso)) {
                return CarrierTime.toUtc(plainLocal(iso), carrierZone);
            }
            if (iso.length() == 20 && iso.charAt(19) == 'Z' && isPlainLocal(iso)) {
                return plainLocal(iso).toInstant(ZoneOffset.UTC);
            }
            TemporalAccessor parsed = DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : CarrierTime.toUtc((LocalDateTime) parsed, carrierZone);
        } catch (DateTimeException e) {
            throw new RecordRejected(START_TIME + " '" + text
                    + "' is not a date-time like 2026-10-01T10:22:10 (optionally with Z or an offset)");
        }
    }

    /**
     * The forms nearly every line has, yyyy-MM-ddTHH:mm:ss with or without a Z, which are read without the formatter:
     * a line's time costs a tenth. LocalDateTime.of refuses the same out-of-range values the strict formatter does.
     * Checks the first 19 characters (the caller checks the length).
     */
    private static boolean isPlainLocal(String iso) {
        for (int i = 0; i < 19; i++) {
            char c = iso.charAt(i);
            boolean expected = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> c == 'T';
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!expected) {
                return false;
            }
        }
        return true;
    }

    private static LocalDateTime plainLocal(String iso) {
        return LocalDateTime.of(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10), digits(iso, 11, 13),
                digits(iso, 14, 16), digits(iso, 17, 19));
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    private static LocalDate date(String text) throws RecordRejected {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new RecordRejected(INVOICE_DATE + " '" + text + "' is not a yyyy-MM-dd date");
        }
    }

    private static String currency(String text) throws RecordRejected {
        try {
            return Currency.getInstance(text.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new RecordRejected(CURRENCY + " '" + text + "' is not an ISO 4217 currency code");
        }
    }

    /** The header: where each named column is and how many fields every record must have. */
    private record Columns(Map<String, Integer> index, int count) {

        static Columns of(String headerLine, String position) {
            List<String> names;
            try {
                names = fields(headerLine);
            } catch (RecordRejected e) {
                throw new InvalidInvoiceFileException(position, "the header is not a CSV line: " + e.getMessage());
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).trim().toLowerCase(Locale.ROOT);
                if (index.putIfAbsent(name, i) != null) {
                    throw new InvalidInvoiceFileException(position, "the header names column " + name + " twice");
                }
            }
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !index.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInvoiceFileException(position,
                        "the header lacks required column(s) " + String.join(", ", missing));
            }
            return new Columns(index, names.size());
        }

        Row split(String line) throws RecordRejected {
            List<String> values = fields(line);
            if (values.size() != count) {
                throw new RecordRejected("expected " + count + " fields as in the header but found " + values.size());
            }
            return new Row(this, values);
        }

        private static List<String> fields(String line) throws RecordRejected {
            if (line.indexOf('"') < 0) {
                // without a quote an RFC 4180 line is split at every comma: far cheaper than a parser per line
                return Arrays.asList(line.split(",", -1));
            }
            try (CSVParser parser = CSVParser.parse(line, CSVFormat.RFC4180)) {
                return parser.getRecords().get(0).toList();
            } catch (IOException | UncheckedIOException e) {
                // Commons CSV counts lines within this one line: its own message would say line 1
                throw new RecordRejected("malformed CSV: a quote is not closed, or text follows a closing quote");
            }
        }
    }

    /** One record's fields, trimmed, looked up by column name. */
    private record Row(Columns columns, List<String> values) {

        String value(String column) {
            return values.get(columns.index().get(column)).trim();
        }

        String optional(String column) {
            Integer at = columns.index().get(column);
            return at == null ? "" : values.get(at).trim();
        }

        String required(String column) throws RecordRejected {
            String value = value(column);
            if (value.isEmpty()) {
                throw new RecordRejected(column + " is empty");
            }
            return value;
        }
    }

    /** An invoice's figures so far: its index in the file, and what its records stated besides lines. */
    private static final class InvoiceDraft {
        private final int index;
        private final String number;
        private LocalDate invoiceDate;
        private String currency;
        private BigDecimal statedTotal;

        InvoiceDraft(int index, String number) {
            this.index = index;
            this.number = number;
        }

        void checkAgrees(String column, Object known, Object given) throws RecordRejected {
            if (known != null && given != null && !known.equals(given)) {
                throw new RecordRejected(column + " '" + given + "' differs from '" + known
                        + "' given earlier for invoice " + number);
            }
        }

        InvoiceHeader header() {
            return new InvoiceHeader(number, invoiceDate, null, null, currency, statedTotal, BigDecimal.ZERO);
        }
    }

    /** Why one record cannot be accepted; becomes a {@link RejectedRecord}. */
    static final class RecordRejected extends Exception {
        RecordRejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
