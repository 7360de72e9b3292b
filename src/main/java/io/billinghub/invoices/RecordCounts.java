package io.billinghub.invoices;

/**
 * What a parser read of one carrier file. {@code recordsIn} counts every record below the file's header or
 * envelope, so that {@code recordsIn = acceptedLines + summaryRecords + rejected}: an accepted record is either an
 * itemised line or a summary record (one that states an invoice total, like a CSV TOTAL row), and every other record
 * read is rejected. Formats whose totals sit in the envelope rather than in records (X12 TDS) have no summary records.
 */
public record RecordCounts(int recordsIn, int acceptedLines, int summaryRecords, int rejected) {

    /** Accepted records: lines and summary records. */
    public int accepted() {
        return acceptedLines + summaryRecords;
    }
}
