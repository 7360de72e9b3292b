package io.billinghub.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice of a file without its lines: what the file states about it besides them.
 *
 * @param statedTotal   the total the carrier states (CSV TOTAL record, X12 TDS01); null when the file states none
 * @param otherCharges  charges that are not itemised calls (X12 taxes and allowances/charges), part of the total
 */
public record InvoiceHeader(
        String invoiceNumber,
        LocalDate invoiceDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        String currency,
        BigDecimal statedTotal,
        BigDecimal otherCharges) {
}
