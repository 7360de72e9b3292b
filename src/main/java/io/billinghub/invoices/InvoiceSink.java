package io.billinghub.invoices;

import io.billinghub.exceptions.RejectedRecord;

/**
 * What a parser hands on while it reads a file, so that no file is held whole. An invoice is named by its index in
 * the file (0, 1, ... in the order the file starts them), not by its number, which two X12 sets may share. Lines of
 * several invoices may come interleaved, as a CSV file may write them.
 */
public interface InvoiceSink {

    /** Comes before anything else of invoice {@code invoice}. */
    void invoiceStarted(int invoice, String invoiceNumber);

    void line(int invoice, InvoiceLine line);

    void rejected(RejectedRecord record);

    /** The invoice's own figures, once the file holds nothing more of it. */
    void invoiceEnded(int invoice, InvoiceHeader header);
}
