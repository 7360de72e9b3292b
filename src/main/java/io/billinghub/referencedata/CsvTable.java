package io.billinghub.referencedata;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A reference-data CSV file read by its header: columns by name, each row with its physical line number, so that
 * every validation error can say file, line and column.
 */
public final class CsvTable {

    private final String file;
    private final List<Row> rows;

    private CsvTable(String file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Reads the file; structural problems (not UTF-8, no header, missing columns, wrong field counts) are added to
     * {@code errors} and yield no table.
     */
    public static CsvTable read(String file, byte[] content, List<String> requiredColumns,
                                List<ValidationError> errors) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            errors.add(new ValidationError(file, 0, "not UTF-8 text"));
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> columns = new HashMap<>();
            List<String> header = parser.getHeaderNames();
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
            for (CSVRecord record : parser) {
                int line = Math.toIntExact(parser.getCurrentLineNumber());
                if (record.size() != header.size()) {
                    errors.add(new ValidationError(file, line,
                            "has " + record.size() + " fields, the header has " + header.size()));
                    continue;
                }
                rows.add(new Row(file, line, columns, record.values()));
            }
            return new CsvTable(file, rows);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(new ValidationError(file, 0, "unreadable CSV: " + e.getMessage()));
            return null;
        }
    }

    public String file() {
        return file;
    }

    /** One data row. */
    public record Row(String file, int line, Map<String, Integer> columns, String[] values) {

        public String get(String column) {
            return values[columns.get(column)];
        }

        public ValidationError error(String reason) {
            return new ValidationError(file, line, reason);
        }
    }
}
