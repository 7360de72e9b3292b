package io.billinghub.wholesale;

import io.billinghub.referencedata.webex.SkuPrice;
import java.math.BigDecimal;

/**
 * A customer's charge for one SKU in a period. PRICED lines are rebilled; UNPRICED ones (no price in force for the
 * SKU) and UNMAPPED ones (no CUSTOMER_EXTERNAL_ID to bill) wait in the exception queue. The amount of an UNMAPPED
 * line is known and still reconciled against the partner invoice.
 */
public record StatementLine(CustomerUsage usage, SkuPrice price, BigDecimal amount, Status status) {

    public enum Status {
        PRICED,
        UNPRICED,
        UNMAPPED
    }

    public boolean billable() {
        return status == Status.PRICED;
    }
}
