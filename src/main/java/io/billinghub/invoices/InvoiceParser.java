package io.billinghub.invoices;

import java.io.InputStream;
import java.time.ZoneId;

/** Reads one carrier invoice file format into canonical invoices, handing them on as it reads. */
public interface InvoiceParser {

    /** Short format name recorded with the file ("csv", "x12-811"). */
    String format();

    /**
     * Reads the file to its end, handing every invoice, line and rejected record to {@code sink} as it is read.
     *
     * @param content      the file content
     * @param carrierZone  the carrier's billing time zone, for times the file writes without an offset
     * @throws InvalidInvoiceFileException when the file as a whole cannot be read (the sink may have been handed
     *                                     part of it: nothing of such a file is to be kept)
     */
    RecordCounts parse(InputStream content, ZoneId carrierZone, InvoiceSink sink);
}
