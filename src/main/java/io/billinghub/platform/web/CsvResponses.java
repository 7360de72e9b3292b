package io.billinghub.platform.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV downloads of report rows for finance (decimals written as plain text, never in scientific notation). */
public final class CsvResponses {

    public static final String TEXT_CSV = "text/csv";

    private CsvResponses() {
    }

    public static <T> ResponseEntity<String> csv(String fileName, List<String> header, List<T> rows,
                                                 Function<T, List<?>> columns) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (T row : rows) {
                printer.printRecord(columns.apply(row).stream().map(CsvResponses::text).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TEXT_CSV))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(out.toString());
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
