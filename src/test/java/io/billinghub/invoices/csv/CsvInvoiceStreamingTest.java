package io.billinghub.invoices.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.invoices.GeneratedCarrierCsv;
import io.billinghub.invoices.InvalidInvoiceFileException;
import io.billinghub.invoices.InvoiceHeader;
import io.billinghub.invoices.InvoiceLine;
import io.billinghub.invoices.InvoiceSink;
import io.billinghub.invoices.InvoiceText;
import io.billinghub.invoices.RecordCounts;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The CSV parser reads a file as a stream: it hands each record on while it reads, holding per invoice only what
 * the rules need, and it refuses text that is not UTF-8 exactly as reading the whole file did.
 */
class CsvInvoiceStreamingTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String HEADER = GeneratedCarrierCsv.HEADER;
    /** The parser's look-ahead: a buffer of bytes and one of decoded characters, 64 KiB each. */
    private static final long READ_AHEAD = 2 * 65_536;

    private final CsvInvoiceParser parser = new CsvInvoiceParser();

    /**
     * 1,000,000 LINE rows (about 80 MB) of {@link GeneratedCarrierCsv}, made as they are read.
     *
     * <p>By hand: in each block of 3,000 rows every invoice takes every remainder 0..999 once (1000 and 3 are
     * coprime): 499,500 / 10,000 = 49.95. Rows 0..998,999 are 333 blocks: 16,633.35 per invoice. The last 1,000 rows,
     * i = 999,000 + j (999,000 is a multiple of 3 and of 1000), go to invoice j mod 3 with remainder j:
     * invoice 0 takes j = 0, 3, ..., 999: 334 rows, 3 x (0 + ... + 333) = 166,833, so 16,650.0333 in all;
     * invoice 1 takes j = 1, 4, ..., 997: 333 rows, 333 + 3 x (0 + ... + 332) = 166,167, so 16,649.9667;
     * invoice 2 takes j = 2, 5, ..., 998: 333 rows, 666 + 165,834 = 166,500, so 16,650.0000.
     * (Together 49,950.0000 = 1,000 x 49.95.)
     */
    @Test
    void handsEveryLineOnAsItReadsAMillionLineFile() {
        int rows = 1_000_000;
        GeneratedCarrierCsv file = new GeneratedCarrierCsv(rows);
        Figures figures = new Figures(file);

        RecordCounts counts = parser.parse(file, NEW_YORK, figures);

        assertThat(counts).isEqualTo(new RecordCounts(rows + 3, rows, 3, 0));
        assertThat(figures.rejected).isZero();
        assertThat(figures.numbers).containsExactly("INV-0", "INV-1", "INV-2");
        assertThat(figures.lineCounts).containsExactly(333_334, 333_333, 333_333);
        assertThat(figures.totals).containsExactly(new BigDecimal("16650.0333"), new BigDecimal("16649.9667"),
                new BigDecimal("16650.0000"));
        assertThat(figures.headers).extracting(InvoiceHeader::statedTotal)
                .containsExactly(new BigDecimal("1.00"), new BigDecimal("2.00"), new BigDecimal("3.00"));
        assertThat(figures.days).hasSize(28).first().isEqualTo(LocalDate.of(2026, 10, 1));
        // each line was handed on before the parser read more than its buffers' worth beyond it
        assertThat(figures.maxReadAhead).isPositive().isLessThanOrEqualTo(READ_AHEAD);
    }

    /** Random bytes, text with NULs and broken sequences: the same refusal as reading the whole file first. */
    @Test
    void refusesWhatIsNotTextAsTheWholeFileReadingDid() {
        Random random = new Random(20261010);
        for (int round = 0; round < 400; round++) {
            byte[] content = mangled(random, round);
            String expected = wholeFileRefusal(content);
            if (expected == null) {
                continue;
            }
            assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(content), NEW_YORK, new Figures(null)))
                    .as("round %d", round).isInstanceOf(InvalidInvoiceFileException.class).hasMessage(expected);
        }
    }

    /** A valid file with a NUL byte before, and a byte that is not UTF-8 after, a 64 KiB buffer boundary. */
    @Test
    void aByteThatIsNotUtf8AnywhereIsReportedBeforeAnEarlierNul() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; text.length() < 200_000; i++) {
            text.append("LINE,INV-1,,,leg-").append(i).append(",,2026-10-01T10:00:00,1,0.10\r\n");
        }
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        content[70_000] = 0;
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(content), NEW_YORK, new Figures(null)))
                .hasMessage(wholeFileRefusal(content));
        content[150_000] = (byte) 0xC3;
        content[150_001] = (byte) 0x28;
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(content), NEW_YORK, new Figures(null)))
                .hasMessage(wholeFileRefusal(content)).hasMessageContaining("not valid UTF-8 text at byte 150001");
    }

    /** What the hub said of such a file when it read the file whole first: InvoiceText's refusal, if any. */
    private static String wholeFileRefusal(byte[] content) {
        try {
            InvoiceText.readUtf8(new ByteArrayInputStream(content));
            return null;
        } catch (InvalidInvoiceFileException e) {
            return e.getMessage();
        }
    }

    /** A small CSV file with line ends of every kind, a few bytes replaced by NULs or bytes that are not UTF-8. */
    private static byte[] mangled(Random random, int round) {
        StringBuilder text = new StringBuilder(round % 2 == 0 ? "\uFEFF" : "").append(HEADER);
        String[] ends = {"\n", "\r\n", "\r"};
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            text.append("LINE,INV-").append(i % 2).append(",,,leg-é").append(i).append(",,2026-10-01T10:00:00,1,0.1")
                    .append(ends[random.nextInt(ends.length)]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] replacements = {0, (byte) 0x80, (byte) 0xC3, (byte) 0xE2, (byte) 0xFF, '\r', '\n'};
        for (int k = random.nextInt(4); k > 0; k--) {
            bytes[random.nextInt(bytes.length)] = replacements[random.nextInt(replacements.length)];
        }
        return bytes;
    }

    /** Keeps only running figures, and how far the stream was read beyond each line handed on. */
    private static final class Figures implements InvoiceSink {
        private final GeneratedCarrierCsv file;
        private final List<String> numbers = new ArrayList<>();
        private final List<Integer> lineCounts = new ArrayList<>();
        private final List<BigDecimal> totals = new ArrayList<>();
        private final List<InvoiceHeader> headers = new ArrayList<>();
        private final TreeSet<LocalDate> days = new TreeSet<>();
        private int rejected;
        private long maxReadAhead;

        Figures(GeneratedCarrierCsv file) {
            this.file = file;
        }

        @Override
        public void invoiceStarted(int invoice, String invoiceNumber) {
            numbers.add(invoiceNumber);
            lineCounts.add(0);
            totals.add(BigDecimal.ZERO);
        }

        @Override
        public void line(int invoice, InvoiceLine line) {
            lineCounts.set(invoice, lineCounts.get(invoice) + 1);
            totals.set(invoice, totals.get(invoice).add(line.charge()));
            days.add(LocalDate.ofInstant(line.startTime(), NEW_YORK));
            if (file != null) {
                maxReadAhead = Math.max(maxReadAhead, file.readBeyond(line.position()));
            }
        }

        @Override
        public void rejected(RejectedRecord record) {
            rejected++;
        }

        @Override
        public void invoiceEnded(int invoice, InvoiceHeader header) {
            headers.add(header);
        }
    }
}
