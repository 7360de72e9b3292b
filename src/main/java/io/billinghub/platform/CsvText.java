package io.billinghub.platform;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Report rows as CSV text; decimals are written as plain text, never in scientific notation, and timestamps as UTC
 * instants.
 */
public final class CsvText {

    private CsvText() {
    }

    public static <T> String write(List<String> header, List<T> rows, Function<T, List<?>> columns) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (T row : rows) {
                printer.printRecord(columns.apply(row).stream().map(CsvText::text).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One cell: empty for null. */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Timestamp timestamp) {
            // as JDBC reads timestamptz; written as the instant in UTC, never in the JVM's zone
            return timestamp.toInstant().toString();
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
