package io.billinghub.erp;

import java.math.BigDecimal;

/** A posted (or to be posted) amount for one key: amount in currency units (2 decimals), minutes and legs. */
public record ChargeLine(ChargeKey key, BigDecimal amount, BigDecimal billedMinutes, long legCount) {
}
