package io.billinghub.invoices;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One itemised line of a carrier invoice in canonical form, whatever the file format.
 *
 * @param position          where the line stands in its file ("line 12" for CSV, "segment 31" for X12)
 * @param legReference      the carrier's reference to the usage leg (matched to legId)
 * @param startTime         connect time converted to UTC from the carrier's billing time zone
 * @param minutes           billed minutes as the carrier states them
 * @param charge            net charge for the line, parsed from its decimal text
 * @param raw               the original text of the line or segment
 */
public record InvoiceLine(
        String position,
        String invoiceNumber,
        String legReference,
        String destinationNumber,
        Instant startTime,
        BigDecimal minutes,
        BigDecimal charge,
        String raw) {

    /**
     * Minutes and amounts are kept as numeric(18, 6): 12 digits before the point, 6 after. A file's value that does
     * not fit is rejected, not rounded or left to overflow in the database.
     */
    public static final int INTEGER_DIGITS = 12;
    public static final int DECIMALS = 6;
}
