package io.billinghub.referencedata;

import io.billinghub.platform.CsvSource;
import io.billinghub.platform.Utf8Text;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * A CSV file read by its header: columns by name, each row with the physical line it begins on and its text as
 * written, so that every error can say file, line and column and show the row.
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private final String file;
    private final List<Row> rows;
    private final List<Malformed> malformed;

    private CsvTable(String file, List<Row> rows, List<Malformed> malformed) {
        this.file = file;
        this.rows = rows;
        this.malformed = malformed;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The rows that do not have the header's number of fields (each also added to the errors). */
    public List<Malformed> malformed() {
        return malformed;
    }

    /**
     * Reads the file; structural problems (not UTF-8 text, no header, missing columns, a quote never closed) are
     * added to {@code errors} with their line and yield no table; rows of the wrong width are added to
     * {@code errors} and left out of it.
     */
    public static CsvTable read(String file, byte[] content, List<String> requiredColumns,
                                List<ValidationError> errors) {
        String text;
        try {
            text = Utf8Text.decode(content);
        } catch (Utf8Text.NotText e) {
            errors.add(new ValidationError(file, Utf8Text.lineAt(content, e.offset()), e.getMessage()));
            return null;
        }
        CsvSource source;
        try {
            source = CsvSource.open(new StringReader(text), FORMAT);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(new ValidationError(file, 1, "unreadable CSV header: " + e.getMessage()));
            return null;
        }
        try (source) {
            Map<String, Integer> columns = new HashMap<>();
            List<String> header = source.headerNames();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).toLowerCase(Locale.ROOT), i);
            }
            List<String> missing = requiredColumns.stream().filter(c -> !columns.containsKey(c)).toList();
            if (header.isEmpty()) {
                errors.add(new ValidationError(file, 1, "empty file: a header row is required"));
                return null;
            }
            if (!missing.isEmpty()) {
                errors.add(new ValidationError(file, 1, "missing column(s) " + String.join(", ", missing)));
                return null;
            }
            List<Row> rows = new ArrayList<>();
            List<Malformed> malformed = new ArrayList<>();
            while (source.hasNext()) {
                CsvSource.Entry entry = source.next();
                if (entry.record().size() != header.size()) {
                    Malformed row = new Malformed(entry.line(), "has " + entry.record().size()
                            + " fields, the header has " + header.size(), entry.raw());
                    errors.add(new ValidationError(file, row.line(), row.reason()));
                    malformed.add(row);
                    continue;
                }
                rows.add(new Row(file, entry.line(), columns, entry.record().values(), entry.raw()));
            }
            return new CsvTable(file, rows, malformed);
        } catch (UncheckedIOException e) {
            errors.add(new ValidationError(file, source.nextLine(), "unreadable CSV from this line on: "
                    + e.getCause().getMessage()));
            return null;
        }
    }

    public String file() {
        return file;
    }

    /** One data row; {@code raw} is its text as written. */
    public record Row(String file, int line, Map<String, Integer> columns, String[] values, String raw) {

        public String get(String column) {
            return values[columns.get(column)];
        }

        public ValidationError error(String reason) {
            return new ValidationError(file, line, reason);
        }
    }

    /** A row that does not have the header's number of fields. */
    public record Malformed(int line, String reason, String raw) {
    }
}
