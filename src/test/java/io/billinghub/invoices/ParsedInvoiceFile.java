package io.billinghub.invoices;

import io.billinghub.exceptions.RejectedRecord;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole file as a parser hands it on, collected for tests to look at: its invoices with their lines, in the order
 * the file started them, and its rejected records.
 */
public record ParsedInvoiceFile(
        String format, List<Invoice> invoices, List<RejectedRecord> rejected, int recordsIn, int summaryRecords) {

    public static ParsedInvoiceFile read(InvoiceParser parser, InputStream content, ZoneId carrierZone) {
        Collector collector = new Collector();
        RecordCounts counts = parser.parse(content, carrierZone, collector);
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < collector.headers.size(); i++) {
            InvoiceHeader h = collector.headers.get(i);
            invoices.add(new Invoice(h.invoiceNumber(), h.invoiceDate(), h.periodStart(), h.periodEnd(), h.currency(),
                    h.statedTotal(), h.otherCharges(), List.copyOf(collector.lines.get(i))));
        }
        ParsedInvoiceFile file = new ParsedInvoiceFile(parser.format(), List.copyOf(invoices),
                List.copyOf(collector.rejected), counts.recordsIn(), counts.summaryRecords());
        if (file.acceptedLines() != counts.acceptedLines() || file.rejected().size() != counts.rejected()) {
            throw new AssertionError("the parser counted " + counts + " but handed on " + file.acceptedLines()
                    + " lines and " + file.rejected().size() + " rejected records");
        }
        return file;
    }

    public int acceptedLines() {
        return invoices.stream().mapToInt(i -> i.lines().size()).sum();
    }

    /** Checks the order of what the parser hands on as it collects it. */
    private static final class Collector implements InvoiceSink {
        private final List<String> numbers = new ArrayList<>();
        private final List<List<InvoiceLine>> lines = new ArrayList<>();
        private final List<InvoiceHeader> headers = new ArrayList<>();
        private final List<RejectedRecord> rejected = new ArrayList<>();

        @Override
        public void invoiceStarted(int invoice, String invoiceNumber) {
            if (invoice != numbers.size()) {
                throw new AssertionError("invoice " + invoice + " started after " + numbers.size() + " invoices");
            }
            numbers.add(invoiceNumber);
            lines.add(new ArrayList<>());
            headers.add(null);
        }

        @Override
        public void line(int invoice, InvoiceLine line) {
            if (headers.get(invoice) != null) {
                throw new AssertionError("a line of invoice " + invoice + " after it ended");
            }
            lines.get(invoice).add(line);
        }

        @Override
        public void rejected(RejectedRecord record) {
            rejected.add(record);
        }

        @Override
        public void invoiceEnded(int invoice, InvoiceHeader header) {
            if (headers.get(invoice) != null || !header.invoiceNumber().equals(numbers.get(invoice))) {
                throw new AssertionError("invoice " + invoice + " ended twice or as another invoice: " + header);
            }
            headers.set(invoice, header);
        }
    }
}
