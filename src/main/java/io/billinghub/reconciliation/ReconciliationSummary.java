package io.billinghub.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Reconciliation of one carrier, UTC day and invoice. Legs billed on no invoice are summarised under the invoice
 * number {@link #UNBILLED}.
 */
public record ReconciliationSummary(String carrierName, LocalDate utcDay, String invoiceNumber, String status,
                                    int matchedLines, int chargeMismatches, int minuteMismatches,
                                    int missingOnInvoice, int notInUsage, int internalLegs,
                                    BigDecimal internalBilledMinutes, BigDecimal internalCost, int invoiceLines,
                                    BigDecimal invoiceMinutes, BigDecimal invoiceCharge) {

    public static final String UNBILLED = "(none)";
}
