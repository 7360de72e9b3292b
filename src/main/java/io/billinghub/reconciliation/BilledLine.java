package io.billinghub.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice line of a current invoice, as the carrier billed it; its raw text is read only for the lines that
 * become cases. A line is stored under its invoice, day and id ({@code invoiceId}, {@code utcDay}, {@code lineId}).
 */
public record BilledLine(long lineId, long invoiceId, String carrierName, String invoiceNumber, String fileName,
                         String position, String legReference, LocalDate utcDay, BigDecimal minutes,
                         BigDecimal charge) {
}
