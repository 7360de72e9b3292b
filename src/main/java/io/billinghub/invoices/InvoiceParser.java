package io.billinghub.invoices;

import java.io.InputStream;
import java.time.ZoneId;

/** Parses one carrier invoice file format into canonical invoices. */
public interface InvoiceParser {

    /** Short format name recorded with the file ("csv", "x12-811"). */
    String format();

    /**
     * @param content      the file content
     * @param carrierZone  the carrier's billing time zone, for times the file writes without an offset
     * @throws InvalidInvoiceFileException when the file as a whole cannot be read
     */
    ParsedInvoiceFile parse(InputStream content, ZoneId carrierZone);
}
