package io.billinghub.sandbox.webex;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A report's CSV: a header row of the type's column names, then one row per report row; comma separated, CRLF
 * line ends and RFC 4180 quoting where a value needs it (a comma, a double quote or a line break in it).
 */
public final class WebexReportCsv {

    private static final String CRLF = "\r\n";

    private WebexReportCsv() {
    }

    /** Writes row by row to {@code out} (never the whole file as one string); the caller flushes and closes. */
    public static void write(WebexReportType type, List<List<String>> rows, Writer out) throws IOException {
        write(type.columns().stream().map(Enum::name).toList(), out);
        for (List<String> row : rows) {
            write(row, out);
        }
    }

    private static void write(List<String> values, Writer out) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values.get(i)));
        }
        out.write(CRLF);
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0
                && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
