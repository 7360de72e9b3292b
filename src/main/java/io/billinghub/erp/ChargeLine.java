package io.billinghub.erp;

import java.math.BigDecimal;

/**
 * A posted (or to be posted) amount for one key, in whole cents, with the quantity behind it (billed minutes,
 * for instance) and how many records it sums.
 */
public record ChargeLine(ChargeKey key, BigDecimal amount, BigDecimal quantity, long recordCount) {
}
