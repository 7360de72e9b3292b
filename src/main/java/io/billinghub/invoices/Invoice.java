package io.billinghub.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One carrier invoice from a file (a file may hold several).
 *
 * @param statedTotal   the total the carrier states (CSV TOTAL record, X12 TDS01); null when the file states none
 * @param otherCharges  charges that are not itemised calls (X12 taxes and allowances/charges), part of the total
 */
public record Invoice(
        String invoiceNumber,
        LocalDate invoiceDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        String currency,
        BigDecimal statedTotal,
        BigDecimal otherCharges,
        List<InvoiceLine> lines) {
}
