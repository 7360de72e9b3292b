package io.billinghub.invoices;

import io.billinghub.exceptions.RejectedRecord;
import java.util.List;

/**
 * The result of parsing one carrier file: its invoices and the records it rejected.
 *
 * <p>{@code recordsIn} counts every record the parser read below the file's header or envelope, so that
 * {@code recordsIn = acceptedLines() + summaryRecords + rejected.size()}: an accepted record is either an itemised
 * line or a summary record (one that states an invoice total, like a CSV TOTAL row), and every other record read
 * is rejected. Formats whose totals sit in the envelope rather than in records (X12 TDS) have no summary records.
 *
 * @param summaryRecords accepted records that state an invoice total instead of an itemised line
 */
public record ParsedInvoiceFile(
        String format, List<Invoice> invoices, List<RejectedRecord> rejected, int recordsIn, int summaryRecords) {

    /** For formats without summary records: recordsIn = acceptedLines() + rejected.size(). */
    public ParsedInvoiceFile(String format, List<Invoice> invoices, List<RejectedRecord> rejected, int recordsIn) {
        this(format, invoices, rejected, recordsIn, 0);
    }

    public int acceptedLines() {
        return invoices.stream().mapToInt(i -> i.lines().size()).sum();
    }
}
