package io.billinghub.allocation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The reconciliation manifest of a period: the platform spend (invoices), what was allocated to cost centres (the
 * default cost centre included) and what sits in Unallocated for review, the variance between spend and allocated
 * as a percentage, flagged over the threshold; the conservation difference (spend minus every line) is always zero.
 * Per category also the cost at the multipliers (rated) beside the invoiced amount.
 */
public record Manifest(BigDecimal platformSpend, BigDecimal totalCharged, BigDecimal conservationDifference,
                       BigDecimal totalAllocated, BigDecimal unallocated, BigDecimal variance,
                       BigDecimal variancePercent, BigDecimal thresholdPercent, boolean flaggedForReview,
                       Map<String, Category> categories) {

    /** One cost category; rated is null where no multiplier prices it (API and storage is split pro rata). */
    public record Category(BigDecimal invoiced, BigDecimal rated, BigDecimal ratedVariancePercent,
                           BigDecimal allocated, BigDecimal unallocated) {
    }
}
