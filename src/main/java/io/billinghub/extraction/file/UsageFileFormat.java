package io.billinghub.extraction.file;

import io.billinghub.extraction.UsageLeg;
import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The usage (CDR) file a platform exports and drops over SFTP: UTF-8 CSV, a header naming the columns (any order,
 * case-insensitive, unknown columns ignored), then one leg per line, RFC 4180 quoting allowed.
 * <ul>
 *   <li>Required: {@code leg_id, call_id, start_time, duration_seconds, billing_duration_seconds}.
 *       Optional: {@code end_time, carrier_name, destination_number, call_type, direction, call_outcome}.</li>
 *   <li>Times are ISO-8601 instants with {@code Z} or an offset ({@code 2026-10-01T10:22:10Z}): a CDR export is
 *       in UTC, and a time without its offset would be a guess.</li>
 *   <li>Durations are whole seconds, not negative.</li>
 *   <li>The legs of one call stand on consecutive lines, as platforms export them: leg roles are assigned within
 *       that run of lines.</li>
 * </ul>
 * The line itself is the leg's raw record, kept for audit and re-rating.
 */
public final class UsageFileFormat {

    public static final String VENDOR = "usage-file";
    static final List<String> REQUIRED = List.of("leg_id", "call_id", "start_time", "duration_seconds",
            "billing_duration_seconds");
    static final List<String> OPTIONAL = List.of("end_time", "carrier_name", "destination_number", "call_type",
            "direction", "call_outcome");
    private static final int LEG_ID = 0;
    private static final int CALL_ID = 1;
    private static final int START = 2;
    private static final int DURATION = 3;
    private static final int BILLING = 4;
    private static final int END = 5;
    private static final int CARRIER = 6;
    private static final int DESTINATION = 7;
    private static final int CALL_TYPE = 8;
    private static final int DIRECTION = 9;
    private static final int OUTCOME = 10;

    /** A line that is not a leg: why, in words finance can act on. */
    public static final class RejectedLine extends RuntimeException {
        RejectedLine(String reason) {
            super(reason, null, false, false);
        }
    }

    private final int[] columnOf;
    private final int fieldCount;

    private UsageFileFormat(int[] columnOf, int fieldCount) {
        this.columnOf = columnOf;
        this.fieldCount = fieldCount;
    }

    /** Resolves the header line; a header without the required columns fails the whole file. */
    public static UsageFileFormat fromHeader(String headerLine) {
        List<String> names = fields(headerLine);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !byName.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header lacks the required column(s) " + missing
                    + "; it has " + names);
        }
        int[] columnOf = new int[REQUIRED.size() + OPTIONAL.size()];
        for (int i = 0; i < REQUIRED.size(); i++) {
            columnOf[i] = byName.get(REQUIRED.get(i));
        }
        for (int i = 0; i < OPTIONAL.size(); i++) {
            columnOf[REQUIRED.size() + i] = byName.getOrDefault(OPTIONAL.get(i), -1);
        }
        return new UsageFileFormat(columnOf, names.size());
    }

    /** The leg of one data line, or {@link RejectedLine} with the reason. */
    public UsageLeg leg(String line, String tenantId) {
        List<String> fields = fields(line);
        if (fields.size() != fieldCount) {
            throw new RejectedLine(fields.size() + " fields where the header has " + fieldCount);
        }
        return new UsageLeg(
                required(fields, LEG_ID, "leg_id"),
                required(fields, CALL_ID, "call_id"),
                tenantId,
                VENDOR,
                instant(required(fields, START, "start_time"), "start_time"),
                optional(fields, END) == null ? null : instant(optional(fields, END), "end_time"),
                seconds(fields, DURATION, "duration_seconds"),
                seconds(fields, BILLING, "billing_duration_seconds"),
                optional(fields, CARRIER),
                optional(fields, DESTINATION),
                optional(fields, CALL_TYPE),
                optional(fields, DIRECTION),
                optional(fields, OUTCOME),
                line);
    }

    private String required(List<String> fields, int column, String name) {
        String value = fields.get(columnOf[column]);
        if (value.isBlank()) {
            throw new RejectedLine(name + " is empty");
        }
        return value;
    }

    private String optional(List<String> fields, int column) {
        int index = columnOf[column];
        if (index < 0) {
            return null;
        }
        String value = fields.get(index);
        return value.isEmpty() ? null : value;
    }

    private int seconds(List<String> fields, int column, String name) {
        String text = required(fields, column, name);
        int value = 0;
        if (text.length() > 9) {
            throw new RejectedLine(name + " '" + text + "' is not a whole number of seconds >= 0");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new RejectedLine(name + " '" + text + "' is not a whole number of seconds >= 0");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** yyyy-MM-ddTHH:mm:ssZ is read by hand (millions of them); any other ISO form through java.time. */
    static Instant instant(String text, String name) {
        try {
            if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                    && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
                int hour = number(text, 11, 13);
                int minute = number(text, 14, 16);
                int second = number(text, 17, 19);
                if (hour < 24 && minute < 60 && second < 60) {
                    long day = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10))
                            .toEpochDay();
                    return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second);
                }
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            throw new RejectedLine(name + " '" + text + "' is not an ISO-8601 instant with Z or an offset");
        }
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Splits on commas; a line with a quote goes through the RFC 4180 reader. */
    static List<String> fields(String line) {
        if (line.indexOf('"') >= 0) {
            return quoted(line);
        }
        List<String> fields = new ArrayList<>(12);
        int start = 0;
        for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
            fields.add(line.substring(start, comma));
            start = comma + 1;
        }
        fields.add(line.substring(start));
        return fields;
    }

    private static List<String> quoted(String line) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(line))) {
            records = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            throw new RejectedLine("the quoting is not RFC 4180: " + e.getMessage());
        }
        if (records.size() != 1) {
            throw new RejectedLine("a quoted field spans lines");
        }
        List<String> fields = new ArrayList<>();
        records.get(0).forEach(fields::add);
        return fields;
    }
}
