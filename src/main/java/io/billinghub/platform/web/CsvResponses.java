package io.billinghub.platform.web;

import io.billinghub.platform.CsvText;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** CSV downloads of report rows for finance. */
public final class CsvResponses {

    public static final String TEXT_CSV = "text/csv";

    private CsvResponses() {
    }

    public static <T> ResponseEntity<String> csv(String fileName, List<String> header, List<T> rows,
                                                 Function<T, List<?>> columns) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(TEXT_CSV))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(CsvText.write(header, rows, columns));
    }
}
