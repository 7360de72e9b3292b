package io.billinghub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

class CsvSourceTest {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private static List<String> entries(String csv) throws IOException {
        List<String> entries = new ArrayList<>();
        try (CsvSource source = CsvSource.open(new StringReader(csv), FORMAT)) {
            while (source.hasNext()) {
                CsvSource.Entry entry = source.next();
                entries.add(entry.line() + ": " + entry.raw());
            }
        }
        return entries;
    }

    @Test
    void eachRecordKeepsTheLineItBeginsOnAndItsTextAsWritten() throws IOException {
        // CRLF, a lone CR, LF, blank lines, quotes kept as written, a quoted field spanning two lines, no last LF
        String csv = "a,b\r\n\"1\", 2\r3,4\n\n\n5,\"x\ny\"\r\n6,\"\"\"q\"\"\"";

        assertThat(entries(csv)).containsExactly("2: \"1\", 2", "3: 3,4", "6: 5,\"x\ny\"", "8: 6,\"\"\"q\"\"\"");
    }

    @Test
    void aQuoteNeverClosedIsPlacedOnTheLineWhereItsRecordBegins() throws IOException {
        String csv = "a,b\n1,2\n\n3,\"4\n5,6\n";
        try (CsvSource source = CsvSource.open(new StringReader(csv), FORMAT)) {
            assertThat(source.next().line()).isEqualTo(2);
            assertThatThrownBy(source::hasNext).isInstanceOf(UncheckedIOException.class);
            assertThat(source.nextLine()).isEqualTo(4);
        }
    }
}
